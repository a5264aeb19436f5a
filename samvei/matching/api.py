from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from samvei.challenges import permissions as challenge_permissions
from samvei.challenges.models import Challenge
from samvei.organisations.models import Organisation

from .selectors import challenges_for_organisation, organisations_for_challenge

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


@router.get(
    "/challenges/{challenge_id}/matches",
    response=list[OrganisationMatchOut],
    auth=django_auth,
    summary="Organisations for a challenge (for the public body that owns it)",
)
def challenge_matches_api(request: HttpRequest, challenge_id: int, query: Query[Limit]) -> list[dict[str, object]]:
    challenge = Challenge.objects.filter(pk=challenge_id).select_related("municipality__county").first()
    if challenge is None or not challenge_permissions.can_manage_challenge(user=request.user, challenge=challenge):
        raise HttpError(404, _("There is no such challenge."))
    return [
        {
            "org_number": m.obj.org_number,
            "name": m.obj.name,
            "url": m.obj.get_absolute_url(),
            "score": m.score,
            "reasons": m.reasons,
        }
        for m in organisations_for_challenge(challenge=challenge, limit=query.limit)
    ]


@router.get(
    "/organisations/{org_number}/matches",
    response=list[ChallengeMatchOut],
    summary="Open challenges for an organisation",
)
def organisation_matches_api(request: HttpRequest, org_number: str, query: Query[Limit]) -> list[dict[str, object]]:
    organisation = Organisation.objects.filter(org_number=org_number).first()
    if organisation is None:
        raise HttpError(404, _("No organisation has the number %(number)s.") % {"number": org_number})
    return [
        {
            "id": m.obj.pk,
            "ref": m.obj.ref,
            "title": str(m.obj),
            "url": m.obj.get_absolute_url(),
            "score": m.score,
            "reasons": m.reasons,
        }
        for m in challenges_for_organisation(organisation=organisation, limit=query.limit)
    ]
