"""The logic model on the effect page: stakeholders and the five levels, added and removed by either party."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from samvei.accounts.request import authenticated_user
from samvei.collaborations.models import Collaboration
from samvei.core.view_helpers import show_refusal

from .. import permissions
from ..forms.logic import LogicEntryForm, StakeholderForm
from ..selectors.logic import logic_entry_get, logic_model_for, stakeholder_get
from ..services import logic as services
from .common import collaboration_for


def section(*, request: HttpRequest, collaboration: Collaboration) -> dict[str, Any]:
    """What the overview page's logic part needs."""
    return {
        "logic_model": logic_model_for(collaboration=collaboration),
        "stakeholder_form": StakeholderForm(),
        "logic_entry_form": LogicEntryForm(collaboration=collaboration),
    }


def _page(request: HttpRequest, collaboration: Collaboration, *, status: int = 200, **bound: BaseForm) -> HttpResponse:
    context = section(request=request, collaboration=collaboration) | bound
    context |= {
        "collaboration": collaboration,
        "can_edit": permissions.can_edit_effects(user=request.user, collaboration=collaboration),
    }
    return render(request, "impact/logic/page.html", context, status=status)


def _back(collaboration: Collaboration) -> HttpResponse:
    return redirect(reverse("impact:overview", kwargs={"pk": collaboration.pk}) + "#logic-heading")


@login_required
@require_GET
def logic_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, collaboration_for(request, pk))


@login_required
@require_POST
def stakeholder_add(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    form = StakeholderForm(request.POST)
    if form.is_valid():
        try:
            services.stakeholder_add(
                collaboration=collaboration,
                actor=authenticated_user(request),
                name=form.cleaned_data["name"],
                involvement=form.cleaned_data["involvement"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The stakeholder is added."))
            return _back(collaboration)
    return _page(request, collaboration, status=400, stakeholder_form=form)


@login_required
@require_POST
def stakeholder_remove(request: HttpRequest, pk: int, stakeholder_pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    stakeholder = stakeholder_get(collaboration=collaboration, pk=stakeholder_pk)
    if stakeholder is None:
        raise Http404(_("There is no such stakeholder."))
    services.stakeholder_remove(stakeholder=stakeholder, actor=authenticated_user(request))
    messages.success(request, _("The stakeholder is removed."))
    return _back(collaboration)


@login_required
@require_POST
def logic_entry_add(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    form = LogicEntryForm(request.POST, collaboration=collaboration)
    if form.is_valid():
        try:
            services.logic_entry_add(
                collaboration=collaboration,
                actor=authenticated_user(request),
                level=form.cleaned_data["level"],
                text=form.cleaned_data["text"],
                stakeholder=form.cleaned_data["stakeholder"],
            )
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, _("The entry is added to the logic model."))
            return _back(collaboration)
    return _page(request, collaboration, status=400, logic_entry_form=form)


@login_required
@require_POST
def logic_entry_remove(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk, edit=True)
    entry = logic_entry_get(collaboration=collaboration, pk=entry_pk)
    if entry is None:
        raise Http404(_("There is no such entry in the logic model."))
    services.logic_entry_remove(entry=entry, actor=authenticated_user(request))
    messages.success(request, _("The entry is removed from the logic model."))
    return _back(collaboration)


urlpatterns: list[URLPattern] = [
    path(gettext_lazy("<int:pk>/logic/"), logic_page, name="logic"),
    path(gettext_lazy("<int:pk>/logic/stakeholders/"), stakeholder_add, name="stakeholder-add"),
    path(
        gettext_lazy("<int:pk>/logic/stakeholders/<int:stakeholder_pk>/remove/"),
        stakeholder_remove,
        name="stakeholder-remove",
    ),
    path(gettext_lazy("<int:pk>/logic/entries/"), logic_entry_add, name="logic-entry-add"),
    path(
        gettext_lazy("<int:pk>/logic/entries/<int:entry_pk>/remove/"),
        logic_entry_remove,
        name="logic-entry-remove",
    ),
]
