from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from samvei.geography.forms import MunicipalityFilterForm
from samvei.geography.models import Municipality
from samvei.geography.selectors import municipality_search
from samvei.taxonomy.models import WelfareArea

from .. import permissions
from ..forms import WhoDecidesForm
from ..models import Organisation
from ..selectors import contact_point_list, municipality_with_organisation


def municipality_list(request: HttpRequest) -> HttpResponse:
    form = MunicipalityFilterForm(request.GET)
    if form.is_valid():
        municipalities = municipality_search(
            county_number=form.cleaned_data["county"] or None, name=form.cleaned_data["q"]
        )
    else:
        municipalities = municipality_search()
    return render(
        request,
        "organisations/municipality_list.html",
        {"form": form, "municipalities": municipalities},
        status=200 if form.is_valid() else 400,
    )


def municipality_detail(request: HttpRequest, number: str) -> HttpResponse:
    try:
        municipality = municipality_with_organisation(number=number)
    except Municipality.DoesNotExist as error:
        raise Http404(_("There is no municipality with number %(number)s.") % {"number": number}) from error
    organisation: Organisation | None = getattr(municipality, "organisation", None)
    welfare_area = WelfareArea.objects.filter(code=request.GET.get("welfare_area", "")).first()
    context: dict[str, object] = {
        "municipality": municipality,
        "organisation": organisation,
        "welfare_area": welfare_area,
    }
    if organisation is not None:
        context |= {
            "contact_points": contact_point_list(
                organisation=organisation, welfare_area=welfare_area.code if welfare_area else None
            ),
            "can_manage_contact_points": permissions.can_manage_contact_points(
                user=request.user, organisation=organisation
            ),
            "can_claim": permissions.can_claim(user=request.user, organisation=organisation),
        }
    return render(request, "organisations/municipality_detail.html", context)


def who_decides(request: HttpRequest) -> HttpResponse:
    """The front page form lands here and is sent on to the municipality's contact points."""
    form = WhoDecidesForm(request.GET)
    if not form.is_valid():
        return render(request, "organisations/who_decides.html", {"form": form}, status=400 if request.GET else 200)
    url = reverse("municipalities:detail", kwargs={"number": form.cleaned_data["municipality"]})
    if form.cleaned_data["welfare_area"]:
        url += "?" + urlencode({"welfare_area": form.cleaned_data["welfare_area"]})
    return redirect(url + "#contacts")
