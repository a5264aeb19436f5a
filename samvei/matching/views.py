from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from samvei.accounts.request import authenticated_user
from samvei.challenges import permissions as challenge_permissions
from samvei.challenges.models import Challenge

from .selectors import NotReady, challenges_for_members, organisations_for_challenge


@login_required
def challenge_matches(request: HttpRequest, pk: int) -> HttpResponse:
    """For the public body that owns the challenge: organisations that might take it on, and why. Ranked from
    stored vectors only; while the challenge's is computed, the page says so."""
    challenge = Challenge.objects.filter(pk=pk).select_related("municipality__county", "owner").first()
    if challenge is None or not challenge_permissions.can_manage_challenge(user=request.user, challenge=challenge):
        raise Http404(_("There is no such challenge."))
    try:
        matches = organisations_for_challenge(challenge=challenge, limit=15)
    except NotReady:
        matches = None
    return render(request, "matching/challenge_matches.html", {"challenge": challenge, "matches": matches})


@login_required
def challenges_for_you(request: HttpRequest) -> HttpResponse:
    sections = challenges_for_members(user=authenticated_user(request), limit=5)
    return render(request, "matching/challenges_for_you.html", {"sections": sections})
