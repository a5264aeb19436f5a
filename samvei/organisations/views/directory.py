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
from samvei.core.view_helpers import require, show_refusal

from .. import permissions
from ..forms import (
    DocumentedResultFormSet,
    OrganisationFilterForm,
    OrganisationProfileForm,
    OrganisationRegisterForm,
    VerifiedDomainForm,
)
from ..models import Organisation
from ..selectors import OrganisationFilters, memberships_for_user, organisation_list
from ..services import organisation_register, organisation_update
from .common import organisation_or_404

PAGE_SIZE = 20


def organisation_list_view(request: HttpRequest) -> HttpResponse:
    form = OrganisationFilterForm(request.GET)
    filters = OrganisationFilters(**form.cleaned_data) if form.is_valid() else OrganisationFilters()
    page = Paginator(organisation_list(filters=filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/organisation_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
        status=200 if form.is_valid() else 400,
    )


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    if organisation.municipality_id:
        return redirect(organisation.get_absolute_url(), permanent=True)
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "can_edit": permissions.can_edit_organisation(user=request.user, organisation=organisation),
            "can_manage_members": permissions.can_manage_members(user=request.user, organisation=organisation),
            "can_manage_contact_points": permissions.can_manage_contact_points(
                user=request.user, organisation=organisation
            ),
            "can_claim": permissions.can_claim(user=request.user, organisation=organisation),
            "can_confirm_verification": permissions.can_confirm_verification(user=request.user),
            "domain_form": VerifiedDomainForm(initial={"domain": organisation.verified_domain})
            if permissions.can_confirm_verification(user=request.user) and not organisation.is_example
            else None,
            "contact_points": organisation.contact_points.prefetch_related("welfare_areas")
            if organisation.is_public_body
            else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_register_view(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    require(permissions.can_register_organisation(user=user))
    form = OrganisationRegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        kind = data.pop("kind")
        try:
            organisation = organisation_register(user=user, kind=kind, data=data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("%(name)s is registered. You are its administrator.") % {"name": organisation})
            if organisation.is_public_body_kind and not organisation.is_public_body:
                messages.info(
                    request,
                    _(
                        "Samvei staff will check that %(name)s is a public body. Until they have, it cannot "
                        "publish challenges or receive ideas."
                    )
                    % {"name": organisation},
                )
            return redirect(organisation.get_absolute_url())
    return render(
        request, "organisations/organisation_register.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_or_404(slug)
    user = authenticated_user(request)
    require(permissions.can_edit_organisation(user=user, organisation=organisation))
    # The form validates a copy, so that the service sees which fields really change.
    form = OrganisationProfileForm(
        request.POST or None,
        instance=Organisation.objects.get(pk=organisation.pk),
        may_change_identity=permissions.can_change_identity(user=user, organisation=organisation),
    )
    # Results are replaced only when the page sent them (a client may post the profile fields alone).
    results_sent = "results-TOTAL_FORMS" in request.POST
    results = DocumentedResultFormSet(
        request.POST if results_sent else None,
        prefix="results",
        initial=[{"text": r.text, "figure": r.figure, "source_url": r.source_url} for r in organisation.results.all()],
    )
    if request.method == "POST" and form.is_valid() and (not results_sent or results.is_valid()):
        data = dict(form.cleaned_data)
        if results_sent:
            data["results"] = [
                {key: value for key, value in entry.items() if key != "DELETE"}
                for entry in results.cleaned_data
                if entry and not entry.get("DELETE")
            ]
        try:
            organisation_update(organisation=organisation, actor=user, data=data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect(organisation.get_absolute_url())
    has_errors = bool(form.errors) or any(results.errors) or bool(results.non_form_errors())
    return render(
        request,
        "organisations/organisation_edit.html",
        {"form": form, "results": results, "organisation": organisation},
        status=400 if has_errors else 200,
    )


@login_required
def my_organisations(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    return render(
        request,
        "organisations/my_organisations.html",
        {"memberships": memberships_for_user(user=user), "can_review_claims": permissions.can_review_claims(user=user)},
    )
