"""The audit log page: what platform staff did, newest first, for staff only."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samvei.core.audit import ACTION_LABELS
from samvei.core.models import StaffAction
from samvei.organisations.models import OrganisationEvent

PER_PAGE = 50


def can_read_audit_log(*, user: object) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "is_staff", False))


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    if not can_read_audit_log(user=request.user):
        raise PermissionDenied
    labels = {**dict(OrganisationEvent.Kind.choices), **ACTION_LABELS}
    page = Paginator(StaffAction.objects.all(), PER_PAGE).get_page(request.GET.get("page"))
    rows = [(action, labels.get(action.action, action.action)) for action in page]
    return render(request, "pages/audit_log.html", {"page": page, "rows": rows})
