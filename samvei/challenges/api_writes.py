"""Writing through the API with a key from the profile page: a public body's challenges, questions, pitches
and messages. Each operation acts for the key's organisation only, and checks what the web form checks."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from samvei.apikeys.api_auth import TokenAuth, token_of
from samvei.core.api_errors import ValidationErrorOut
from samvei.core.api_writes import form_data, form_refusal, service_refusal
from samvei.core.limits import LONG_TEXT, SHORT_TEXT, TITLE

from . import permissions
from .api import ChallengeIntent, PitchOut
from .api import router as read_router
from .forms import ChallengeForm, PitchForm
from .models import Challenge, Message, Pitch
from .selectors import ChallengeFilters, challenge_list
from .services import challenge_create, message_send, pitch_submit, question_ask

router = Router(tags=["writing"], auth=TokenAuth())


class ChallengeIn(Schema):
    title: str = Field(max_length=TITLE)
    description: str = Field(max_length=LONG_TEXT)
    intent: ChallengeIntent = Field(description="What answering leads to; required before it is published.")
    affected: str = Field("", max_length=LONG_TEXT)
    tried: str = Field("", max_length=LONG_TEXT)
    desired_outcomes: str = Field("", max_length=LONG_TEXT)
    offer: str = Field("", max_length=LONG_TEXT)
    timeline: str = Field("", max_length=LONG_TEXT)
    funding_min_nok: int | None = Field(None, ge=0)
    funding_max_nok: int | None = Field(None, ge=0)
    deadline: date | None = None
    welfare_areas: list[str] = Field(default_factory=list, max_length=50, description="Codes, as in /challenges.")
    target_groups: list[str] = Field(default_factory=list, max_length=50, description="Codes, as in /challenges.")
    open_forms: list[str] = Field(default_factory=list, max_length=50, description="Keys of collaboration forms.")
    contact_point: int | None = Field(None, description="One of your organisation's contact points.")


class ChallengeCreatedOut(Schema):
    id: int
    status: str
    title: str
    owner: str
    url: str = Field(description="The page where your organisation's members review and publish the draft.")


class QuestionIn(Schema):
    text: str = Field(min_length=1, max_length=SHORT_TEXT)


class QuestionCreatedOut(Schema):
    id: int
    challenge_id: int
    text: str
    created_at: datetime


class PitchIn(Schema):
    title: str = Field(max_length=TITLE)
    summary: str = Field(max_length=LONG_TEXT)
    approach: str = Field("", max_length=LONG_TEXT)
    expected_effects: str = Field("", max_length=LONG_TEXT)
    cost_estimate: str = Field("", max_length=LONG_TEXT)


class MessageIn(Schema):
    body: str = Field(min_length=1, max_length=LONG_TEXT)


class MessageOut(Schema):
    id: int
    pitch_id: int
    sender: str
    body: str
    created_at: datetime

    @staticmethod
    def resolve_sender(obj: Message) -> str:
        return obj.sender.name


def _public_challenge(challenge_id: int) -> Challenge:
    challenge = challenge_list(filters=ChallengeFilters()).filter(pk=challenge_id).first()
    if challenge is None:
        raise HttpError(404, _("There is no such challenge."))
    return challenge


# On the read router: ninja joins the methods of one path only within a router, and Django stops at the first
# pattern, so POST /challenges on a router of its own would answer 405.
@read_router.post(
    "/challenges",
    response={201: ChallengeCreatedOut, 422: ValidationErrorOut},
    auth=TokenAuth(),
    tags=["writing"],
    summary="Save a challenge as a draft for the key's public body",
)
def challenge_create_api(request: HttpRequest, payload: ChallengeIn) -> Status[Any]:
    token = token_of(request)
    if not permissions.can_create_challenge(user=token.user, organisation=token.organisation):
        raise HttpError(403, _("Only public bodies publish challenges."))
    form = ChallengeForm(form_data(payload), owner=token.organisation)
    if not form.is_valid():
        return form_refusal(form)
    try:
        challenge = challenge_create(owner=token.organisation, actor=token.user, data=form.cleaned_data)
    except ValidationError as error:
        return service_refusal(error)
    return Status(
        201,
        {
            "id": challenge.pk,
            "status": challenge.status,
            "title": challenge.title,
            "owner": token.organisation.name,
            "url": challenge.get_absolute_url(),
        },
    )


@router.post(
    "/challenges/{challenge_id}/questions",
    response={201: QuestionCreatedOut, 422: ValidationErrorOut},
    summary="Ask a public question about a challenge; the answer is published, the asker never named",
)
def question_create_api(request: HttpRequest, challenge_id: int, payload: QuestionIn) -> Status[Any]:
    token = token_of(request)
    challenge = _public_challenge(challenge_id)
    if not permissions.can_ask_question(user=token.user, challenge=challenge):
        raise HttpError(403, _("This challenge no longer takes questions."))
    try:
        question = question_ask(challenge=challenge, user=token.user, text=payload.text)
    except ValidationError as error:
        return service_refusal(error)
    return Status(201, question)


@router.post(
    "/challenges/{challenge_id}/pitches",
    response={201: PitchOut, 422: ValidationErrorOut},
    summary="Send a pitch to a challenge, from the key's organisation",
)
def pitch_create_api(request: HttpRequest, challenge_id: int, payload: PitchIn) -> Status[Any]:
    token = token_of(request)
    challenge = _public_challenge(challenge_id)
    if not permissions.can_pitch(user=token.user, sender=token.organisation):
        raise HttpError(403, _("Public bodies publish challenges; they do not send pitches."))
    form = PitchForm({**form_data(payload), "sender": str(token.organisation.pk)}, user=token.user)
    if not form.is_valid():
        return form_refusal(form)
    data = {key: value for key, value in form.cleaned_data.items() if key not in ("sender", "attachments")}
    try:
        pitch = pitch_submit(sender=token.organisation, actor=token.user, data=data, uploads=[], challenge=challenge)
    except ValidationError as error:
        return service_refusal(error)
    return Status(201, pitch)


@router.post(
    "/pitches/{pitch_id}/messages",
    response={201: MessageOut, 422: ValidationErrorOut},
    summary="Write in a pitch's conversation, for the key's organisation, if it is one of the two parties",
)
def message_create_api(request: HttpRequest, pitch_id: int, payload: MessageIn) -> Status[Any]:
    token = token_of(request)
    pitch = Pitch.objects.select_related("sender", "receiver").filter(pk=pitch_id).first()
    if pitch is None or token.organisation_id not in (pitch.sender_id, pitch.receiver_id):
        raise HttpError(404, _("There is no such pitch."))
    try:
        message = message_send(pitch=pitch, party=token.organisation, actor=token.user, body=payload.body)
    except ValidationError as error:
        return service_refusal(error)
    return Status(201, message)
