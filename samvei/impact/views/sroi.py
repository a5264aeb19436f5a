"""The SROI page of a collaboration: the investment and rate, the outcomes with their evidence, and the result."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from samvei.accounts.request import authenticated_user
from samvei.collaborations.models import Collaboration
from samvei.core.view_helpers import show_refusal

from .. import permissions
from ..forms.sroi import AnalysisForm, OutcomeForm
from ..models import DiscountRate, FinancialProxy, SroiOutcome
from ..selectors.rates import discount_rate_on
from ..selectors.sroi import analysis_for, outcome_get, sroi_report_for
from ..services import sroi as services
from .common import collaboration_for


def section(*, request: HttpRequest, collaboration: Collaboration) -> dict[str, Any]:
    """What the overview page's sroi part needs."""
    return {"sroi_report": sroi_report_for(collaboration=collaboration)}


def _default_rate() -> DiscountRate | None:
    return discount_rate_on(day=timezone.localdate())


def _page(request: HttpRequest, collaboration: Collaboration, *, form: AnalysisForm | None = None) -> HttpResponse:
    analysis = analysis_for(collaboration=collaboration)
    default_rate = _default_rate()
    context = {
        "collaboration": collaboration,
        "can_edit": permissions.can_edit_effects(user=request.user, collaboration=collaboration),
        "analysis": analysis,
        "outcomes": list(analysis.outcomes.all()) if analysis else [],
        "analysis_form": form or AnalysisForm.for_analysis(analysis, default_rate=default_rate),
        "default_rate": default_rate,
        "sroi_report": sroi_report_for(collaboration=collaboration),
    }
    return render(request, "impact/sroi/page.html", context, status=200 if form is None else 400)


def _back(collaboration: Collaboration) -> HttpResponse:
    return redirect("impact:sroi", pk=collaboration.pk)


@login_required
@require_http_methods(["GET", "POST"])
def sroi_page(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows the SROI; POST saves the investment and the discount rate."""
    if request.method != "POST":
        return _page(request, collaboration_for(request, pk))
    collaboration = collaboration_for(request, pk, edit=True)
    form = AnalysisForm(request.POST, default_rate=_default_rate())
    if form.is_valid():
        try:
            services.analysis_save(
                collaboration=collaboration,
                actor=authenticated_user(request),
                investment_nok=form.cleaned_data["investment_nok"],
                investment_note=form.cleaned_data["investment_note"],
                discount_rate=form.rate_fraction(),
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The investment and the discount rate are saved."))
            return _back(collaboration)
    return _page(request, collaboration, form=form)


def _outcome_page(
    request: HttpRequest, collaboration: Collaboration, form: OutcomeForm, outcome: SroiOutcome | None, status: int
) -> HttpResponse:
    context = {"collaboration": collaboration, "form": form, "outcome": outcome}
    return render(request, "impact/sroi/outcome_form.html", context, status=status)


def _save_outcome(request: HttpRequest, collaboration: Collaboration, outcome: SroiOutcome | None) -> HttpResponse:
    form = OutcomeForm(request.POST, collaboration=collaboration)
    analysis = analysis_for(collaboration=collaboration)
    if analysis is None:
        messages.warning(request, _("Save the investment first; then add the outcomes."))
        return _back(collaboration)
    if form.is_valid():
        user = authenticated_user(request)
        try:
            if outcome is None:
                services.outcome_add(analysis=analysis, actor=user, data=form.outcome_data())
            else:
                services.outcome_change(outcome=outcome, actor=user, data=form.outcome_data())
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The outcome is saved."))
            return _back(collaboration)
    return _outcome_page(request, collaboration, form, outcome, 400)


@login_required
@require_http_methods(["GET", "POST"])
def outcome_new(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    if request.method == "POST":
        return _save_outcome(request, collaboration, None)
    if analysis_for(collaboration=collaboration) is None:
        messages.warning(request, _("Save the investment first; then add the outcomes."))
        return _back(collaboration)
    key = request.GET.get("proxy", "")
    proxy = FinancialProxy.objects.select_related("source").filter(key=key).first() if key else None
    form = OutcomeForm(collaboration=collaboration, initial=OutcomeForm.initial_for(None, proxy=proxy))
    return _outcome_page(request, collaboration, form, None, 200)


def _outcome_or_404(collaboration: Collaboration, outcome_pk: int) -> SroiOutcome:
    outcome = outcome_get(collaboration=collaboration, pk=outcome_pk)
    if outcome is None:
        raise Http404(_("There is no such outcome."))
    return outcome


@login_required
@require_http_methods(["GET", "POST"])
def outcome_edit(request: HttpRequest, pk: int, outcome_pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    outcome = _outcome_or_404(collaboration, outcome_pk)
    if request.method == "POST":
        return _save_outcome(request, collaboration, outcome)
    form = OutcomeForm(collaboration=collaboration, initial=OutcomeForm.initial_for(outcome))
    return _outcome_page(request, collaboration, form, outcome, 200)


@login_required
@require_POST
def outcome_remove(request: HttpRequest, pk: int, outcome_pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    outcome = _outcome_or_404(collaboration, outcome_pk)
    services.outcome_remove(outcome=outcome, actor=authenticated_user(request))
    messages.success(request, _("The outcome is removed."))
    return redirect(reverse("impact:sroi", kwargs={"pk": collaboration.pk}) + "#outcomes-heading")


urlpatterns: list[URLPattern] = [
    path(gettext_lazy("<int:pk>/sroi/"), sroi_page, name="sroi"),
    path(gettext_lazy("<int:pk>/sroi/outcomes/new/"), outcome_new, name="sroi-outcome-new"),
    path(gettext_lazy("<int:pk>/sroi/outcomes/<int:outcome_pk>/"), outcome_edit, name="sroi-outcome"),
    path(
        gettext_lazy("<int:pk>/sroi/outcomes/<int:outcome_pk>/remove/"),
        outcome_remove,
        name="sroi-outcome-remove",
    ),
]
