"""Suggestions over the API. Every answer is ranked from stored vectors: a request never runs the model, which
once spent 77 s of CPU on one anonymous request. When the asking side has no stored vector yet, the answer
is 202 with a reason while the worker computes it; the same request a minute later answers 200."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from samvei.challenges import permissions as challenge_permissions
from samvei.challenges.models import Challenge
from samvei.core.api_errors import ErrorOut
from samvei.core.rate_limits import RETRY_AFTER, allow_request, api_refusal
from samvei.organisations.models import Organisation

from .selectors import Match, NotReady, challenges_for_organisation, organisations_for_challenge

router = Router(tags=["matching"])


class Limit(Schema):
    limit: int = Field(10, ge=1, le=50)


class OrganisationMatchOut(Schema):
    org_number: str | None
    name: str
    url: str
    score: float
    reasons: list[str]


class ChallengeMatchOut(Schema):
    id: int
    ref: str | None
    title: str
    url: str
    score: float
    reasons: list[str]


# Beside the errors every operation documents (config/api.py), in the same shape.
RESPONSES = {
    202: ErrorOut,  # the suggestions are being prepared; ask again after Retry-After seconds
    429: ErrorOut,  # too many requests from this address; wait Retry-After seconds
}
DESCRIPTION = (
    "Ranked from stored profiles only. **202** (with `Retry-After`) while the profile is still being computed: "
    "ask again in a minute. **429** (with `Retry-After`) when this address has asked too often."
)


def _pending(response: HttpResponse) -> Status[dict[str, str]]:
    response["Retry-After"] = str(RETRY_AFTER)
    return Status(202, {"detail": _("The suggestions are being prepared. Ask again in a minute.")})


@router.get(
    "/challenges/{challenge_id}/matches",
    response={200: list[OrganisationMatchOut], **RESPONSES},
    auth=django_auth,
    summary="Organisations for a challenge (for the public body that owns it)",
    description=DESCRIPTION,
)
def challenge_matches_api(
    request: HttpRequest, response: HttpResponse, challenge_id: int, query: Query[Limit]
) -> object:
    if not allow_request(request, action="matches"):
        return api_refusal(response, action="matches")
    challenge = Challenge.objects.filter(pk=challenge_id).select_related("municipality__county").first()
    if challenge is None or not challenge_permissions.can_manage_challenge(user=request.user, challenge=challenge):
        raise HttpError(404, _("There is no such challenge."))
    try:
        matches: list[Match[Organisation]] = organisations_for_challenge(challenge=challenge, limit=query.limit)
    except NotReady:
        return _pending(response)
    return [
        {
            "org_number": m.obj.org_number,
            "name": m.obj.name,
            "url": m.obj.get_absolute_url(),
            "score": m.score,
            "reasons": m.reasons,
        }
        for m in matches
    ]


@router.get(
    "/organisations/{org_number}/matches",
    response={200: list[ChallengeMatchOut], **RESPONSES},
    summary="Open challenges for an organisation",
    description=DESCRIPTION,
)
def organisation_matches_api(
    request: HttpRequest, response: HttpResponse, org_number: str, query: Query[Limit]
) -> object:
    if not allow_request(request, action="matches"):
        return api_refusal(response, action="matches")
    organisation = Organisation.objects.filter(org_number=org_number).first()
    if organisation is None:
        raise HttpError(404, _("No organisation has the number %(number)s.") % {"number": org_number})
    try:
        matches: list[Match[Challenge]] = challenges_for_organisation(organisation=organisation, limit=query.limit)
    except NotReady:
        return _pending(response)
    return [
        {
            "id": m.obj.pk,
            "ref": m.obj.ref,
            "title": str(m.obj),
            "url": m.obj.get_absolute_url(),
            "score": m.score,
            "reasons": m.reasons,
        }
        for m in matches
    ]
