from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from .forms import MunicipalityFilterForm
from .models import Municipality
from .selectors import municipality_get, municipality_search


def municipality_list(request: HttpRequest) -> HttpResponse:
    form = MunicipalityFilterForm(request.GET)
    if form.is_valid():
        municipalities = municipality_search(
            county_number=form.cleaned_data["county"] or None, name=form.cleaned_data["q"]
        )
        status = 200
    else:
        municipalities = municipality_search()
        status = 400
    return render(
        request,
        "geography/municipality_list.html",
        {"form": form, "municipalities": municipalities},
        status=status,
    )


def municipality_detail(request: HttpRequest, number: str) -> HttpResponse:
    try:
        municipality = municipality_get(number=number)
    except Municipality.DoesNotExist as error:
        raise Http404(_("There is no municipality with number %(number)s.") % {"number": number}) from error
    return render(request, "geography/municipality_detail.html", {"municipality": municipality})
