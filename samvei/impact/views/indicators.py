"""Indicators: add and change them, open one to see its chart and table, and enter measurements one by one or
from a CSV file. Every page is for the two parties only (`collaboration_for`)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from samvei.accounts.request import authenticated_user
from samvei.collaborations.models import Collaboration
from samvei.core.view_helpers import show_refusal

from .. import permissions
from ..forms.indicators import IndicatorForm, MeasurementForm, MeasurementsUploadForm
from ..measurements_csv import ImportResult, measurements_import
from ..models import Indicator
from ..selectors.indicators import indicator_for, indicators_for
from ..services import indicators as services
from .common import collaboration_for


def section(*, request: HttpRequest, collaboration: Collaboration) -> dict[str, Any]:
    """What the overview page's indicators part needs."""
    return {"indicator_list": indicators_for(collaboration=collaboration)}


def _indicator(collaboration: Collaboration, indicator_pk: int) -> Indicator:
    indicator = indicator_for(collaboration=collaboration, pk=indicator_pk)
    if indicator is None:
        raise Http404(_("There is no such indicator."))
    return indicator


def _posted(request: HttpRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def _detail_url(indicator: Indicator) -> str:
    return reverse("impact:indicator-detail", kwargs={"pk": indicator.collaboration_id, "indicator_pk": indicator.pk})


@login_required
@require_http_methods(["GET", "POST"])
def indicator_add(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    form = IndicatorForm(_posted(request), collaboration=collaboration)
    if request.method == "POST" and form.is_valid():
        try:
            indicator = services.indicator_add(
                collaboration=collaboration, actor=authenticated_user(request), **form.cleaned_data
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The indicator is added. Enter its first measurement below."))
            return redirect(_detail_url(indicator))
    context = {"collaboration": collaboration, "form": form, "indicator": None}
    return render(request, "impact/indicators/form.html", context, status=400 if form.is_bound else 200)


@login_required
@require_http_methods(["GET", "POST"])
def indicator_edit(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    indicator = _indicator(collaboration, indicator_pk)
    form = IndicatorForm(_posted(request), collaboration=collaboration, initial=IndicatorForm.initial_for(indicator))
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_update(indicator=indicator, actor=authenticated_user(request), **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The indicator is saved."))
            return redirect(_detail_url(indicator))
    context = {"collaboration": collaboration, "form": form, "indicator": indicator}
    return render(request, "impact/indicators/form.html", context, status=400 if form.is_bound else 200)


def _detail(
    request: HttpRequest,
    collaboration: Collaboration,
    indicator: Indicator,
    *,
    status: int = 200,
    **context: Any,
) -> HttpResponse:
    context.setdefault("measurement_form", MeasurementForm())
    context.setdefault("upload_form", MeasurementsUploadForm())
    context |= {
        "collaboration": collaboration,
        "indicator": indicator,
        "can_edit": permissions.can_edit_effects(user=request.user, collaboration=collaboration),
    }
    return render(request, "impact/indicators/detail.html", context, status=status)


@login_required
@require_http_methods(["GET"])
def indicator_detail(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk)
    return _detail(request, collaboration, _indicator(collaboration, indicator_pk))


@login_required
@require_POST
def measurement_add(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    indicator = _indicator(collaboration, indicator_pk)
    form = MeasurementForm(request.POST)
    if form.is_valid():
        try:
            services.measurement_add(indicator=indicator, actor=authenticated_user(request), **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The measurement is saved."))
            return redirect(_detail_url(indicator))
    return _detail(request, collaboration, indicator, status=400, measurement_form=form)


@login_required
@require_POST
def measurements_upload(request: HttpRequest, pk: int, indicator_pk: int) -> HttpResponse:
    """The report is shown on the page the upload returns, not after a redirect: the list of rejected rows
    would not fit in a message. Sending the same file again saves nothing twice."""
    collaboration = collaboration_for(request, pk, edit=True)
    indicator = _indicator(collaboration, indicator_pk)
    form = MeasurementsUploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            result = measurements_import(
                indicator=indicator, actor=authenticated_user(request), data=form.cleaned_data["file"]
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            return _uploaded(request, collaboration, indicator, result)
    return _detail(request, collaboration, indicator, status=400, upload_form=form)


def _uploaded(
    request: HttpRequest, collaboration: Collaboration, indicator: Indicator, result: ImportResult
) -> HttpResponse:
    if not result.rejected:
        messages.success(request, upload_summary(result))
        return redirect(_detail_url(indicator))
    indicator = _indicator(collaboration, indicator.pk)  # again, with the rows just saved
    return _detail(request, collaboration, indicator, upload_result=result, upload_summary=upload_summary(result))


def upload_summary(result: ImportResult) -> str:
    return ngettext(
        "%(saved)d row saved, %(rejected)d rejected",
        "%(saved)d rows saved, %(rejected)d rejected",
        result.saved,
    ) % {"saved": result.saved, "rejected": len(result.rejected)}


urlpatterns: list[URLPattern] = [
    path(gettext_lazy("<int:pk>/indicators/new/"), indicator_add, name="indicator-add"),
    path(gettext_lazy("<int:pk>/indicators/<int:indicator_pk>/"), indicator_detail, name="indicator-detail"),
    path(gettext_lazy("<int:pk>/indicators/<int:indicator_pk>/edit/"), indicator_edit, name="indicator-edit"),
    path(
        gettext_lazy("<int:pk>/indicators/<int:indicator_pk>/measurements/"),
        measurement_add,
        name="measurement-add",
    ),
    path(
        gettext_lazy("<int:pk>/indicators/<int:indicator_pk>/upload/"),
        measurements_upload,
        name="measurements-upload",
    ),
]
