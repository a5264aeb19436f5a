from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samvei.accounts.request import authenticated_user
from samvei.core.view_helpers import require, show_refusal

from .. import permissions
from ..forms import ContactPointForm
from ..models import ContactPoint, Organisation
from ..selectors import contact_point_list
from ..services import contact_point_confirm, contact_point_delete, contact_point_save
from .common import organisation_or_404


def _managed_organisation(request: HttpRequest, slug: str) -> Organisation:
    organisation = organisation_or_404(slug)
    require(permissions.can_manage_contact_points(user=request.user, organisation=organisation))
    return organisation


@login_required
def contact_point_manage(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    return render(
        request,
        "organisations/contact_point_manage.html",
        {"organisation": organisation, "contact_points": contact_point_list(organisation=organisation)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_point_edit(request: HttpRequest, slug: str, contact_point_id: int | None = None) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    point = (
        get_object_or_404(ContactPoint, pk=contact_point_id, organisation=organisation) if contact_point_id else None
    )
    initial = None
    if point is not None:
        initial = {field: getattr(point, field) for field in ContactPointForm.base_fields if field != "welfare_areas"}
        initial["welfare_areas"] = [area.code for area in point.welfare_areas.all()]
    form = ContactPointForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            contact_point_save(
                organisation=organisation,
                actor=authenticated_user(request),
                data=dict(form.cleaned_data),
                contact_point=point,
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The contact point is saved and marked as confirmed today."))
            return redirect("organisations:contact-points", slug=slug)
    return render(
        request,
        "organisations/contact_point_form.html",
        {"organisation": organisation, "form": form, "contact_point": point},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def contact_point_confirm_view(request: HttpRequest, slug: str, contact_point_id: int) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    point = get_object_or_404(ContactPoint, pk=contact_point_id, organisation=organisation)
    contact_point_confirm(contact_point=point, actor=authenticated_user(request))
    messages.success(request, _("Confirmed: %(title)s is still correct.") % {"title": point})
    return redirect("organisations:contact-points", slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def contact_point_delete_view(request: HttpRequest, slug: str, contact_point_id: int) -> HttpResponse:
    organisation = _managed_organisation(request, slug)
    point = get_object_or_404(ContactPoint, pk=contact_point_id, organisation=organisation)
    if request.method == "POST":
        contact_point_delete(contact_point=point, actor=authenticated_user(request))
        messages.success(request, _("The contact point is deleted."))
        return redirect("organisations:contact-points", slug=slug)
    return render(
        request, "organisations/contact_point_delete.html", {"organisation": organisation, "contact_point": point}
    )
