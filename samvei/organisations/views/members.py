from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samvei.accounts.request import authenticated_user

from .. import permissions
from ..forms import InvitationForm, MemberRemoveForm, MemberRoleForm
from ..models import Invitation, Membership
from ..selectors import members_of, open_invitations
from ..services import invitation_accept, invitation_create, membership_remove, membership_set_role
from .common import add_service_errors, organisation_or_404, require


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
            add_service_errors(form, error)
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
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_manage_members(user=user, organisation=organisation))
    form = MemberRemoveForm(request.POST, organisation=organisation)
    if not form.is_valid():
        messages.error(request, _("Choose a member of this organisation."))
        return redirect("organisations:members", slug=slug)
    try:
        membership_remove(membership=form.cleaned_data["membership"], actor=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The member is removed."))
    return redirect("organisations:members", slug=slug)


@login_required
@require_POST
def member_role(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_manage_members(user=user, organisation=organisation))
    form = MemberRoleForm(request.POST, organisation=organisation)
    if not form.is_valid():
        messages.error(request, _("Choose a member of this organisation and a role."))
        return redirect("organisations:members", slug=slug)
    try:
        membership_set_role(membership=form.cleaned_data["membership"], role=form.cleaned_data["role"], actor=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The role is changed."))
    return redirect("organisations:members", slug=slug)


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
