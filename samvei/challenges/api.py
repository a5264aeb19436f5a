from datetime import date, datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.security import django_auth
from typing_extensions import TypeAliasType

from samvei.accounts.request import authenticated_user
from samvei.core.api_pagination import CountItemsPagination
from samvei.geography.models import County, Municipality
from samvei.taxonomy.models import TargetGroup, WelfareArea
from samvei.taxonomy.schemas import TermOut

from . import permissions
from .models import Challenge, Pitch
from .selectors import ChallengeFilters, answered_questions, challenge_list, pitches_for

router = Router(tags=["challenges"])

# Named for the OpenAPI document: both enums are called `Status` in Python and would share one component.
ChallengeStatus = TypeAliasType("ChallengeStatus", Challenge.Status)
PitchStatus = TypeAliasType("PitchStatus", Pitch.Status)
ChallengeIntent = TypeAliasType("ChallengeIntent", Challenge.Intent)


class QuestionOut(Schema):
    question: str = Field(alias="text")
    answer: str
    answered_at: datetime | None


class ChallengeOut(Schema):
    id: int
    ref: str | None
    title: str
    owner: str
    owner_org_number: str | None
    municipality: str | None
    status: ChallengeStatus
    intent: ChallengeIntent | None = Field(
        description="What answering leads to. `exploration` is a market exploration: nobody gets a contract from it."
    )
    open_forms: list[str] = Field(description="Keys of the collaboration forms the public body is open to.")
    deadline: date | None
    published_at: datetime | None
    welfare_areas: list[TermOut]
    target_groups: list[TermOut]
    is_example: bool
    url: str

    @staticmethod
    def resolve_owner(obj: Challenge) -> str:
        return obj.owner.name

    @staticmethod
    def resolve_owner_org_number(obj: Challenge) -> str | None:
        return obj.owner.org_number

    @staticmethod
    def resolve_municipality(obj: Challenge) -> str | None:
        return obj.municipality.number if obj.municipality else None

    @staticmethod
    def resolve_intent(obj: Challenge) -> str | None:
        return obj.intent or None

    @staticmethod
    def resolve_open_forms(obj: Challenge) -> list[str]:
        return [route.key for route in obj.open_forms.all()]

    @staticmethod
    def resolve_url(obj: Challenge) -> str:
        return obj.get_absolute_url()


class ChallengeDetailOut(ChallengeOut):
    description: str
    affected: str
    tried: str
    desired_outcomes: str
    offer: str
    funding_min_nok: int | None
    funding_max_nok: int | None
    timeline: str
    questions: list[QuestionOut]

    @staticmethod
    def resolve_questions(obj: Challenge) -> list[object]:
        return list(answered_questions(challenge=obj))


class ChallengeQuery(Schema):
    county: str | None = Field(None, pattern=r"^[0-9]{2}$")
    municipality: str | None = Field(None, pattern=r"^[0-9]{4}$")
    welfare_area: str | None = Field(None, max_length=50)
    target_group: str | None = Field(None, max_length=50)
    status: ChallengeStatus | None = None
    deadline_from: date | None = None
    intent: ChallengeIntent | None = None
    q: str = Field("", max_length=200)


def _check(query: ChallengeQuery) -> None:
    checks = [
        (query.county, County.objects.filter(number=query.county)),
        (query.municipality, Municipality.objects.filter(number=query.municipality)),
        (query.welfare_area, WelfareArea.objects.filter(code=query.welfare_area)),
        (query.target_group, TargetGroup.objects.filter(code=query.target_group)),
    ]
    for value, matches in checks:
        if value and not matches.exists():
            raise HttpError(422, _("Unknown filter value: %(value)s.") % {"value": value})
    if query.status and query.status not in Challenge.PUBLIC_STATUSES:
        raise HttpError(422, _("Only public statuses can be listed."))


@router.get("/challenges", response=list[ChallengeOut], summary="List public challenges")
@paginate(CountItemsPagination)
def challenge_list_api(request: HttpRequest, query: Query[ChallengeQuery]) -> list[Challenge]:
    _check(query)
    filters = ChallengeFilters(**{k: v for k, v in query.dict().items() if v not in (None, "")})
    return challenge_list(filters=filters)  # type: ignore[return-value]


@router.get("/challenges/{challenge_id}", response=ChallengeDetailOut, summary="Get one public challenge")
def challenge_detail_api(request: HttpRequest, challenge_id: int) -> Challenge:
    challenge = challenge_list(filters=ChallengeFilters()).filter(pk=challenge_id).first()
    if challenge is None:
        raise HttpError(404, _("There is no such challenge."))
    return challenge


class PitchOut(Schema):
    id: int
    title: str
    sender: str
    receiver: str
    challenge_id: int | None
    status: PitchStatus
    summary: str
    approach: str
    expected_effects: str
    cost_estimate: str
    created_at: datetime

    @staticmethod
    def resolve_sender(obj: Pitch) -> str:
        return obj.sender.name

    @staticmethod
    def resolve_receiver(obj: Pitch) -> str:
        return obj.receiver.name


@router.get(
    "/pitches", response=list[PitchOut], auth=django_auth, summary="Pitches your organisations sent or received"
)
@paginate(CountItemsPagination)
def pitch_list_api(request: HttpRequest) -> list[Pitch]:
    return pitches_for(user=authenticated_user(request))  # type: ignore[return-value]


@router.get("/pitches/{pitch_id}", response=PitchOut, auth=django_auth, summary="One pitch, for its two parties")
def pitch_detail_api(request: HttpRequest, pitch_id: int) -> Pitch:
    pitch = Pitch.objects.select_related("sender", "receiver").filter(pk=pitch_id).first()
    if pitch is None or not permissions.can_view_pitch(user=request.user, pitch=pitch):
        raise HttpError(404, _("There is no such pitch."))
    return pitch
