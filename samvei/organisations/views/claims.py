from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samvei.accounts.request import authenticated_user
from samvei.core.view_helpers import require, show_refusal

from .. import permissions
from ..forms import ClaimDecisionForm, ClaimForm, with_decision_forms
from ..models import Claim
from ..selectors import pending_claims
from ..services import claim_decide, claim_submit
from .common import organisation_or_404


@login_required
@require_http_methods(["GET", "POST"])
def claim_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_claim(user=user, organisation=organisation))
    form = ClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            claim = claim_submit(organisation=organisation, user=user, message=form.cleaned_data["message"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            if claim.status == Claim.Status.APPROVED:
                messages.success(
                    request, _("Your e-mail address is on the organisation's verified domain: you can act for it now.")
                )
            else:
                messages.success(request, _("Thank you. Staff will review your claim and e-mail you."))
            return redirect(organisation.get_absolute_url())
    return render(
        request,
        "organisations/claim_form.html",
        {"organisation": organisation, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def claim_review_list(request: HttpRequest) -> HttpResponse:
    require(permissions.can_review_claims(user=request.user))
    return render(
        request,
        "organisations/claim_review_list.html",
        {"claims": with_decision_forms(pending_claims())},
    )


@login_required
@require_http_methods(["POST"])
def claim_decide_view(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Staff decide from the list of every claim, an organisation's admins from its members page; nobody decides
    their own claim."""
    user = authenticated_user(request)
    claim = get_object_or_404(Claim.objects.select_related("organisation"), pk=claim_id)
    require(permissions.can_decide_claim(user=user, claim=claim))
    back = (
        redirect("organisations:claims")
        if permissions.can_review_claims(user=user)
        else redirect("organisations:members", slug=claim.organisation.slug)
    )
    form = ClaimDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
        return back
    try:
        claim_decide(
            claim=claim,
            reviewer=user,
            approve=form.cleaned_data["decision"] == "approve",
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The decision is saved and the user is told by e-mail."))
    return back
