"""Every change to challenges, questions, pitches and their messages goes through these functions."""

from __future__ import annotations

import secrets
from datetime import date
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.core.attachments import FileKind, download_name, validate_attachments
from samvei.core.derived import refresh_later
from samvei.core.rate_limits import allow, refusal
from samvei.core.validation import apply_fields, field_error
from samvei.organisations.models import ContactPoint, Organisation
from samvei.procurement.models import Route

from . import tasks
from .models import (
    Attachment,
    Challenge,
    ChallengeAttachment,
    ChallengeEvent,
    Message,
    Pitch,
    PitchAttachment,
    PitchEvent,
    Question,
    SavedSearch,
)
from .selectors import recipients_for


def _check_deadline(deadline: date | None) -> None:
    if deadline is not None and deadline < timezone.localdate():
        raise field_error("deadline", _("The deadline cannot be in the past."), code="deadline_past")


def _check_contact_point(challenge: Challenge) -> None:
    if challenge.contact_point is not None and challenge.contact_point.organisation_id != challenge.owner_id:
        raise field_error("contact_point", _("Choose one of your own contact points."), code="contact_point")


def _check_publishable(challenge: Challenge) -> None:
    """Nobody answers a challenge without knowing what it is: the intent is stated before it is published."""
    _check_deadline(challenge.deadline)
    if not challenge.intent:
        raise field_error(
            "intent",
            _("Say what the challenge is before you publish it: edit it and choose, for example, market "
              "exploration or pilot."),
            code="intent_missing",
        )  # fmt: skip


def _check_open_forms(data: dict[str, Any]) -> None:
    """Only the booklet's collaboration forms: a procedure of the regulation is chosen later, by the advisor."""
    others = [route for route in data.get("open_forms") or [] if route.kind != Route.Kind.FORM]
    if others:
        raise field_error(
            "open_forms",
            _("Only collaboration forms can be chosen; this is a procedure: %(names)s.")
            % {"names": ", ".join(route.name for route in others)},
            code="not_a_form",
        )


def _apply(challenge: Challenge, data: dict[str, Any]) -> None:
    _check_open_forms(data)
    apply_fields(challenge, data, [f for f in Challenge.EDITABLE_FIELDS if f not in Challenge.EDITABLE_RELATIONS])
    _check_contact_point(challenge)
    challenge.full_clean()
    challenge.save()
    for relation in Challenge.EDITABLE_RELATIONS:
        if relation in data:
            getattr(challenge, relation).set(data[relation])
    refresh_later(Challenge, [challenge.pk])


@transaction.atomic
def challenge_create(
    *, owner: Organisation, actor: User | None, data: dict[str, Any], uploads: list[UploadedFile] | None = None
) -> Challenge:
    if not owner.is_public_body:
        raise ValidationError(_("Only public bodies publish challenges."), code="not_public_body")
    _check_deadline(data.get("deadline"))
    files = validate_attachments(uploads or [])
    challenge = Challenge(owner=owner, created_by=actor, municipality=owner.municipality)
    _apply(challenge, data)
    ChallengeEvent.objects.create(challenge=challenge, to_status=Challenge.Status.DRAFT, actor=actor)
    for upload, kind in files:
        _attach(ChallengeAttachment, upload=upload, kind=kind, actor=actor, challenge=challenge)
    return challenge


@transaction.atomic
def challenge_update(
    *, challenge: Challenge, actor: User | None, data: dict[str, Any], uploads: list[UploadedFile] | None = None
) -> Challenge:
    if challenge.status in (Challenge.Status.CLOSED, Challenge.Status.WITHDRAWN):
        raise ValidationError(_("A closed or withdrawn challenge cannot be changed."), code="finished")
    if "deadline" in data and data["deadline"] != challenge.deadline:
        _check_deadline(data["deadline"])
    files = validate_attachments(uploads or [])
    _apply(challenge, data)
    for upload, kind in files:
        _attach(ChallengeAttachment, upload=upload, kind=kind, actor=actor, challenge=challenge)
    return challenge


@transaction.atomic
def challenge_transition(*, challenge: Challenge, actor: User | None, to_status: str, note: str = "") -> Challenge:
    """Moves a challenge along its workflow and records who did it; publishing alerts saved searches."""
    locked = Challenge.objects.select_for_update().get(pk=challenge.pk)
    if to_status not in Challenge.TRANSITIONS[locked.status]:
        raise ValidationError(
            _("A challenge that is «%(current)s» cannot become «%(target)s».")
            % {"current": locked.get_status_display(), "target": Challenge.Status(to_status).label},
            code="transition",
        )
    if to_status == Challenge.Status.PUBLISHED:
        _check_publishable(locked)
        locked.published_at = timezone.now()
    from_status = locked.status
    locked.status = to_status
    locked.save(update_fields=["status", "published_at", "updated_at"])
    ChallengeEvent.objects.create(
        challenge=locked, from_status=from_status, to_status=to_status, actor=actor, note=note[:300]
    )
    refresh_later(Challenge, [locked.pk])
    if to_status == Challenge.Status.PUBLISHED:
        transaction.on_commit(lambda: tasks.alert_saved_searches.enqueue(challenge_id=locked.pk))
    challenge.status, challenge.published_at = locked.status, locked.published_at
    return locked


def challenges_close_expired(*, today: date | None = None) -> int:
    """Closes every open challenge whose deadline has passed; returns how many."""
    today = today or timezone.localdate()
    expired = Challenge.objects.filter(status__in=Challenge.OPEN_FOR_PITCHES, deadline__lt=today)
    closed = 0
    for challenge in expired:
        challenge_transition(challenge=challenge, actor=None, to_status=Challenge.Status.CLOSED, note="deadline")
        closed += 1
    return closed


def _attach(
    model: type[Attachment], *, upload: UploadedFile, kind: FileKind, actor: User | None, **owner: Any
) -> Attachment:
    attachment = model(
        token=secrets.token_urlsafe(32),
        original_name=download_name(upload.name or "", kind),
        content_type=kind.content_type,
        size=upload.size or 0,
        uploaded_by=actor,
        **owner,
    )
    attachment.file.save(f"upload.{kind.extension}", upload, save=False)
    attachment.save()
    return attachment


def _check_rate(*, action: str, user: User) -> None:
    """Questions, pitches and messages e-mail someone: a handful per person at a time, and nothing stored beyond."""
    if not allow(action=action, user_id=user.pk):
        raise ValidationError(refusal(action), code="rate_limited")


@transaction.atomic
def question_ask(*, challenge: Challenge, user: User, text: str) -> Question:
    if not challenge.accepts_pitches:
        raise ValidationError(_("This challenge no longer takes questions."), code="closed")
    question = Question(challenge=challenge, asked_by=user, text=text.strip())
    question.full_clean()
    _check_rate(action="question", user=user)
    question.save()
    transaction.on_commit(lambda: tasks.notify_question_asked.enqueue(question_id=question.pk))
    return question


@transaction.atomic
def question_answer(*, question: Question, actor: User, answer: str) -> Question:
    """The answer is published to everyone; the asker is never named."""
    if not answer.strip():
        raise field_error("answer", _("Write an answer."), code="empty")
    question.answer = answer.strip()
    question.answered_by = actor
    question.answered_at = timezone.now()
    question.full_clean()
    question.save()
    transaction.on_commit(lambda: tasks.notify_question_answered.enqueue(question_id=question.pk))
    return question


def _pitch_event(pitch: Pitch, from_status: str, actor: User | None, *, note: str = "") -> None:
    PitchEvent.objects.create(pitch=pitch, from_status=from_status, to_status=pitch.status, actor=actor, note=note)


def _move_pitch(pitch: Pitch, to_status: str, actor: User | None, *, also: tuple[str, ...] = ()) -> None:
    """Saves the new status (and the fields in `also`) and records the step as an event."""
    from_status = pitch.status
    pitch.status = to_status
    pitch.save(update_fields=["status", *also, "updated_at"])
    _pitch_event(pitch, from_status, actor)


def _check_receivable(
    *, challenge: Challenge | None, receiver: Organisation, contact_point: ContactPoint | None
) -> None:
    """Examples show how Samvei works; a real pitch sent to one would reach nobody."""
    if challenge is not None and challenge.is_example:
        raise ValidationError(
            _("This is an example challenge, made to show how Samvei works. It cannot receive pitches."),
            code="example_challenge",
        )
    if receiver.is_example:
        raise ValidationError(
            _("%(name)s is an example organisation and cannot receive ideas.") % {"name": receiver.name},
            code="example_receiver",
        )
    if contact_point is not None and contact_point.is_example:
        raise ValidationError(
            _("This contact point is an example with a made-up address. Choose another way to reach them."),
            code="example_contact_point",
        )


@transaction.atomic
def pitch_submit(
    *,
    sender: Organisation,
    actor: User,
    data: dict[str, Any],
    uploads: list[UploadedFile],
    challenge: Challenge | None = None,
    receiver: Organisation | None = None,
    contact_point: ContactPoint | None = None,
) -> Pitch:
    """A pitch answers a challenge; an unsolicited idea goes to a public body or one of its contact points.
    When nobody can receive it yet it is kept, and delivered the day someone from the receiver joins."""
    if sender.is_public_body_kind:
        raise ValidationError(_("Public bodies publish challenges; they do not send pitches."), code="sender")
    if challenge is not None:
        if not challenge.accepts_pitches:
            raise ValidationError(_("This challenge is closed for pitches."), code="closed")
        receiver = challenge.owner
        if contact_point is None and challenge.contact_point and not challenge.contact_point.is_example:
            contact_point = challenge.contact_point
    elif contact_point is not None:
        receiver = contact_point.organisation
    if receiver is None or not receiver.is_public_body:
        raise ValidationError(_("Choose a public body to send the idea to."), code="receiver")
    _check_receivable(challenge=challenge, receiver=receiver, contact_point=contact_point)
    files = validate_attachments(uploads)
    delivered = recipients_for(receiver=receiver, contact_point=contact_point).anyone
    pitch = Pitch(
        sender=sender,
        receiver=receiver,
        challenge=challenge,
        contact_point=contact_point,
        created_by=actor,
        delivered_at=timezone.now() if delivered else None,
        **data,
    )
    pitch.full_clean()
    _check_rate(action="pitch", user=actor)
    pitch.save()
    _pitch_event(pitch, "", actor, note="" if delivered else PitchEvent.Note.WAITING)
    for upload, kind in files:
        _attach(PitchAttachment, upload=upload, kind=kind, actor=actor, pitch=pitch)
    if delivered:
        transaction.on_commit(lambda: tasks.notify_pitch_received.enqueue(pitch_id=pitch.pk))
    return pitch


@transaction.atomic
def pitches_deliver_waiting(*, receiver_id: int) -> int:
    """Someone from the receiver has joined: the pitches and ideas that waited for them are delivered now.
    Returns how many."""
    waiting = list(Pitch.objects.select_for_update().filter(receiver_id=receiver_id, delivered_at__isnull=True))
    if not waiting or not recipients_for(receiver=waiting[0].receiver).anyone:
        return 0
    now = timezone.now()
    for pitch in waiting:
        pitch.delivered_at = now
        pitch.save(update_fields=["delivered_at", "updated_at"])
        _pitch_event(pitch, pitch.status, None, note=PitchEvent.Note.DELIVERED)
        transaction.on_commit(partial(tasks.notify_pitch_received.enqueue, pitch_id=pitch.pk))
    return len(waiting)


@transaction.atomic
def pitch_set_status(*, pitch: Pitch, actor: User, to_status: str, reason: str = "") -> Pitch:
    """The receiving body marks a pitch received, in dialogue or declined; selecting starts a collaboration
    (collaborations.services.collaboration_start)."""
    allowed = (Pitch.Status.RECEIVED, Pitch.Status.IN_DIALOGUE, Pitch.Status.DECLINED)
    if to_status not in allowed:
        raise ValidationError(_("Choose received, in dialogue or declined."), code="status")
    if pitch.status in Pitch.DECIDED:
        raise ValidationError(_("This pitch has already been decided."), code="decided")
    if to_status == Pitch.Status.DECLINED and not reason.strip():
        raise field_error("reason", _("Tell the entrepreneur why the pitch is declined."), code="reason")
    pitch.decline_reason = reason.strip() if to_status == Pitch.Status.DECLINED else ""
    _move_pitch(pitch, to_status, actor, also=("decline_reason",))
    transaction.on_commit(lambda: tasks.notify_pitch_status.enqueue(pitch_id=pitch.pk))
    return pitch


def pitch_mark_selected(*, pitch: Pitch, actor: User) -> Pitch:
    """Called inside collaboration_start's transaction."""
    if pitch.status in Pitch.DECIDED:
        raise ValidationError(_("This pitch has already been decided."), code="decided")
    _move_pitch(pitch, Pitch.Status.SELECTED, actor)
    if pitch.challenge is not None and Challenge.Status.PARTNER_CHOSEN in Challenge.TRANSITIONS[pitch.challenge.status]:
        challenge_transition(challenge=pitch.challenge, actor=actor, to_status=Challenge.Status.PARTNER_CHOSEN)
    transaction.on_commit(lambda: tasks.notify_pitch_status.enqueue(pitch_id=pitch.pk))
    return pitch


@transaction.atomic
def message_send(*, pitch: Pitch, party: Organisation, actor: User, body: str) -> Message:
    if party.pk not in (pitch.sender_id, pitch.receiver_id):
        raise ValidationError(_("Only the two parties of a pitch can write in it."), code="party")
    message = Message(pitch=pitch, sender=party, author=actor, body=body.strip())
    message.full_clean()
    _check_rate(action="message", user=actor)
    message.save()
    if party.pk == pitch.receiver_id and pitch.status in (Pitch.Status.SUBMITTED, Pitch.Status.RECEIVED):
        _move_pitch(pitch, Pitch.Status.IN_DIALOGUE, actor)
    transaction.on_commit(lambda: tasks.notify_message.enqueue(message_id=message.pk))
    return message


def saved_search_create(*, user: User, name: str, query: dict[str, str]) -> SavedSearch:
    search = SavedSearch(user=user, name=name.strip() or _("My search"), query=query)
    search.full_clean()
    search.save()
    return search
