"""Staff's side of verification: the profiles Enhetsregisteret could not verify, confirming one, confirming a
registered public body, and the verified e-mail domain that approves claims at once."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samvei.accounts.request import authenticated_user
from samvei.core.view_helpers import require

from .. import permissions
from ..forms import VerifiedDomainForm
from ..models import Organisation
from ..selectors import unverified_organisations
from ..services import (
    organisation_public_body_confirm,
    organisation_verification_confirm,
    organisation_verified_domain_set,
)
from .common import organisation_or_404

PAGE_SIZE = 50
BACK_TO_LIST = "list"


@login_required
def unverified_list(request: HttpRequest) -> HttpResponse:
    require(permissions.can_confirm_verification(user=request.user))
    page = Paginator(unverified_organisations(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "organisations/unverified_list.html", {"page": page, "back_to": BACK_TO_LIST})


@login_required
@require_http_methods(["POST"])
def verification_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_confirm_verification(user=user))
    try:
        organisation_verification_confirm(organisation=organisation, actor=user, note=request.POST.get("note", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is confirmed as checked by staff.") % {"name": organisation.name})
    return _back(request, organisation)


@login_required
@require_http_methods(["POST"])
def public_body_confirm(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_confirm_verification(user=user))
    try:
        organisation_public_body_confirm(organisation=organisation, actor=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(name)s is confirmed as a public body: it can publish challenges and receive ideas.")
            % {"name": organisation.name},
        )
    return _back(request, organisation)


@login_required
@require_http_methods(["POST"])
def verified_domain_set(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_confirm_verification(user=user))
    form = VerifiedDomainForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(message) for errors in form.errors.values() for message in errors))
        return redirect(organisation.get_absolute_url())
    try:
        organisation_verified_domain_set(organisation=organisation, actor=user, domain=form.cleaned_data["domain"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The verified e-mail domain is saved."))
    return redirect(organisation.get_absolute_url())


def _back(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Back to the list of unverified organisations when the decision was made there, else to the profile."""
    if request.POST.get("back_to") == BACK_TO_LIST:
        return redirect("organisations:unverified")
    return redirect(organisation.get_absolute_url())
