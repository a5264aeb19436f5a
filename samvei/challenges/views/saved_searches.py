from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samvei.accounts.request import authenticated_user

from ..forms import ChallengeFilterForm, SavedSearchForm
from ..models import SavedSearch
from ..services import saved_search_create
from .public import filters_from


@login_required
def saved_search_list(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    return render(request, "challenges/saved_search_list.html", {"searches": user.saved_searches.all()})


@login_required
@require_POST
def saved_search_create_view(request: HttpRequest) -> HttpResponse:
    """Saves the list's current filters (sent as hidden fields) under the name the user gives."""
    user = authenticated_user(request)
    filters = ChallengeFilterForm(request.POST)
    name = SavedSearchForm(request.POST)
    if not filters.is_valid() or not name.is_valid():
        messages.error(request, _("Give the search a name (at most 100 characters)."))
        return redirect("challenges:list")
    saved_search_create(user=user, name=name.cleaned_data["name"], query=filters_from(filters).as_query())
    messages.success(request, _("Saved. We e-mail you when a new challenge matches."))
    return redirect("challenges:saved-searches")


@login_required
@require_POST
def saved_search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    search = get_object_or_404(SavedSearch, pk=pk, user=authenticated_user(request))
    search.delete()
    messages.success(request, _("The saved search is deleted."))
    return redirect("challenges:saved-searches")
