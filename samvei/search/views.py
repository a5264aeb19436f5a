from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samvei.core.rate_limits import rate_limited
from samvei.core.view_helpers import page_of, query_without_page
from samvei.geography.models import County
from samvei.taxonomy.models import WelfareArea

from .forms import SearchForm
from .registry import providers
from .selectors import MAX_RESULTS, SearchResult, search


@rate_limited("search")
def search_view(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET)
    result = SearchResult()
    page = None
    if form.is_valid() and form.cleaned_data["q"]:
        data = form.cleaned_data
        result = search(
            query=data["q"],
            kind=data["kind"] or None,
            welfare_area=data["welfare_area"] or None,
            county=data["county"] or None,
            limit=MAX_RESULTS,
        )
    page = page_of(result.hits, request)
    labels = {kind: provider.label for kind, provider in providers().items()}
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "result": result,
            "page": page,
            "query": query_without_page(request),
            "searched": form.is_valid() and bool(form.cleaned_data["q"]),
            "kind_facets": [(kind, labels.get(kind, kind), n) for kind, n in result.kinds.most_common()],
            "area_facets": [
                (area.code, area.name, result.welfare_areas[area.code])
                for area in WelfareArea.objects.filter(code__in=result.welfare_areas)
            ],
            "county_facets": [
                (county.number, county.name, result.counties[county.number])
                for county in County.objects.filter(number__in=result.counties)
            ],
        },
        status=200 if form.is_valid() else 400,
    )
