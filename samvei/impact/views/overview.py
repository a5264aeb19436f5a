"""The collaboration's effect page: the logic model, the indicators, the SROI and the report links together."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from .. import permissions
from . import indicators, logic, report, sroi
from .common import collaboration_for


@login_required
@require_GET
def overview(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk)
    context = {
        "collaboration": collaboration,
        "can_edit": permissions.can_edit_effects(user=request.user, collaboration=collaboration),
    }
    for part in (logic, indicators, sroi, report):
        context.update(part.section(request=request, collaboration=collaboration))
    return render(request, "impact/overview.html", context)


urlpatterns = [path("<int:pk>/", overview, name="overview")]
