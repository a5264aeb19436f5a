from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samvei.accounts.models import User
from samvei.accounts.request import authenticated_user
from samvei.core.view_helpers import require, show_refusal

from .. import permissions
from ..forms import ClaimDecisionForm, InvitationForm, MemberRemoveForm, MemberRoleForm, with_decision_forms
from ..models import Invitation, Membership
from ..selectors import members_of, open_invitations, pending_claims_to
from ..services import (
    invitation_accept,
    invitation_create,
    membership_leave,
    membership_remove,
    membership_set_role,
)
from .common import organisation_or_404


@login_required
@require_http_methods(["GET", "POST"])
def members(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_manage_members(user=user, organisation=organisation))
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation_create(organisation=organisation, invited_by=user, **form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The invitation is sent to %(email)s.") % form.cleaned_data)
            return redirect("organisations:members", slug=slug)
    return render(
        request,
        "organisations/members.html",
        {
            "organisation": organisation,
            "form": form,
            "members": members_of(organisation=organisation),
            "invitations": open_invitations(organisation=organisation),
            "roles": Membership.Role.choices,
            "claims": with_decision_forms(pending_claims_to(organisation=organisation)),
            "decision_form": ClaimDecisionForm(),
        },
        status=400 if form.errors else 200,
    )


def _member_action(
    request: HttpRequest,
    slug: str,
    *,
    form_class: type[MemberRemoveForm] | type[MemberRoleForm],
    invalid: str,
    done: str,
    action: Callable[[dict[str, Any], User], object],
) -> HttpResponse:
    """The shared shape of the admin's actions on one membership: check, validate, act, report, go back."""
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_manage_members(user=user, organisation=organisation))
    form = form_class(request.POST, organisation=organisation)
    if not form.is_valid():
        messages.error(request, invalid)
        return redirect("organisations:members", slug=slug)
    try:
        action(form.cleaned_data, user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("organisations:members", slug=slug)


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str) -> HttpResponse:
    return _member_action(
        request,
        slug,
        form_class=MemberRemoveForm,
        invalid=_("Choose a member of this organisation."),
        done=_("The member is removed."),
        action=lambda data, user: membership_remove(membership=data["membership"], actor=user),
    )


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str) -> HttpResponse:
    return _member_action(
        request,
        slug,
        form_class=MemberRoleForm,
        invalid=_("Choose a member of this organisation and a role."),
        done=_("The role is changed."),
        action=lambda data, user: membership_set_role(membership=data["membership"], role=data["role"], actor=user),
    )


@login_required
@require_POST
def member_leave(request: HttpRequest, slug: str) -> HttpResponse:
    """The signed-in user stops acting for the organisation."""
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_leave(user=user, organisation=organisation))
    membership = Membership.objects.get(user=user, organisation=organisation)
    try:
        membership_leave(membership=membership, user=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You no longer act for %(name)s.") % {"name": organisation.name})
    return redirect("organisations:mine")


@login_required
@require_http_methods(["GET", "POST"])
def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    invitation = Invitation.objects.select_related("organisation").filter(token=token).first()
    if invitation is None:
        raise Http404(_("This invitation does not exist."))
    user = authenticated_user(request)
    error: ValidationError | None = None
    if request.method == "POST":
        try:
            invitation_accept(invitation=invitation, user=user)
        except ValidationError as refused:
            error = refused
        else:
            messages.success(request, _("You now act for %(name)s.") % {"name": invitation.organisation})
            return redirect(invitation.organisation.get_absolute_url())
    return render(
        request,
        "organisations/invitation_accept.html",
        {"invitation": invitation, "errors": error.messages if error else []},
        status=400 if error else 200,
    )
