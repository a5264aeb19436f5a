from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from samvei.core.freshness import Kind, rules

from . import permissions
from .selectors import by_kind, rechecks_due


@login_required
def recheck_list(request: HttpRequest) -> HttpResponse:
    if not permissions.can_see_rechecks(user=request.user):
        raise PermissionDenied
    due = rechecks_due(today=timezone.localdate())
    policy = [(Kind(kind).label, rule.description) for kind, rule in rules().items()]
    return render(request, "freshness/recheck_list.html", {"groups": by_kind(due), "count": len(due), "policy": policy})
