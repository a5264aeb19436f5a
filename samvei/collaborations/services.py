from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.challenges.models import Pitch
from samvei.challenges.services import pitch_mark_selected
from samvei.core.attachments import download_name, validate_attachments
from samvei.organisations.models import Membership, Organisation
from samvei.procurement.advice import BUYERS, SUPPLIERS, advice_for
from samvei.procurement.models import Route

from .models import Collaboration, CollaborationDocument, CollaborationEvent, Milestone


@dataclass(frozen=True)
class AdviceQuestion:
    """What the parties ask the advisor about the collaboration; `supplier` None when they did not say."""

    buyer: str
    category: str
    value_nok: int
    day: date
    supplier: str | None = None
    innovation: bool = False


def _refusal(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _acting_for(collaboration: Collaboration, actor: User | None) -> Organisation | None:
    """The party the actor acts for, the public body first when they act for both."""
    if actor is None:
        return None
    ids = set(Membership.objects.filter(user=actor).values_list("organisation_id", flat=True))
    for party in (collaboration.public_body, collaboration.partner):
        if party.pk in ids:
            return party
    return None


def _event(collaboration: Collaboration, kind: str, actor: User | None, **data: Any) -> CollaborationEvent:
    return CollaborationEvent.objects.create(
        collaboration=collaboration,
        kind=kind,
        actor=actor,
        organisation=_acting_for(collaboration, actor),
        data=data,
    )


def collaboration_event_record(
    *, collaboration: Collaboration, kind: str, actor: User | None, **data: Any
) -> CollaborationEvent:
    """For other apps that change the record (impact, agreements): their changes join the same timeline."""
    return _event(collaboration, kind, actor, **data)


@transaction.atomic
def collaboration_start(*, pitch: Pitch, actor: User) -> Collaboration:
    """The public body selects a pitch: the pitch is marked selected and the two start collaborating."""
    pitch = Pitch.objects.select_for_update(of=("self",)).select_related("challenge").get(pk=pitch.pk)
    pitch_mark_selected(pitch=pitch, actor=actor)
    collaboration = Collaboration.objects.create(
        public_body_id=pitch.receiver_id,
        partner_id=pitch.sender_id,
        pitch=pitch,
        challenge=pitch.challenge,
        title=pitch.title,
    )
    _event(collaboration, "started", actor)
    return collaboration


@transaction.atomic
def collaboration_create(
    *,
    actor: User,
    organisation: Organisation,
    other: Organisation,
    title: str,
    form: Route | None = None,
    question: AdviceQuestion | None = None,
) -> Collaboration:
    """Either party starts a record without a pitch, naming the other: one of the two must be a recognised public
    body, and the actor must act for `organisation`."""
    if not Membership.objects.filter(user=actor, organisation=organisation).exists():
        raise _refusal("organisation", _("You do not act for this organisation."), "not_member")
    if organisation.pk == other.pk:
        raise _refusal("partner", _("Choose another organisation than your own."), "self")
    if organisation.is_public_body:
        public_body, partner = organisation, other
    elif other.is_public_body:
        public_body, partner = other, organisation
    else:
        raise _refusal(
            "partner", _("One of the two must be a public body. Choose a public body to work with."), "no_public_body"
        )
    if form is not None and form.kind != Route.Kind.FORM:
        raise _refusal("form", _("Choose one of the collaboration forms."), "form")
    collaboration = Collaboration(public_body=public_body, partner=partner, title=title, form=form)
    collaboration.full_clean()
    collaboration.save()
    _event(collaboration, "started", actor, origin="direct")
    if form is not None:
        _event(collaboration, "form_chosen", actor, key=form.key, name=form.name)
    if question is not None:
        collaboration_advice_record(collaboration=collaboration, actor=actor, question=question)
    return collaboration


@transaction.atomic
def collaboration_stage_set(*, collaboration: Collaboration, stage: str, actor: User) -> Collaboration:
    if stage not in Collaboration.Stage.values:
        raise _refusal("stage", _("Choose one of the stages."), "stage")
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    if collaboration.stage == stage:
        raise _refusal("stage", _("The collaboration is already at this stage."), "same_stage")
    previous = collaboration.stage
    collaboration.stage = stage
    collaboration.save(update_fields=["stage", "updated_at"])
    _event(collaboration, "stage_changed", actor, **{"from": previous, "to": stage})
    return collaboration


def _not_past(day: date | None, field: str) -> None:
    if day is not None and day < timezone.localdate():
        raise _refusal(field, _("The date cannot be in the past."), "past")


@transaction.atomic
def collaboration_plan_set(
    *, collaboration: Collaboration, actor: User, form: Route | None, pilot_ends_on: date | None
) -> Collaboration:
    """The chosen collaboration form and the pilot's end; each change is an event, an unchanged field none."""
    if form is not None and form.kind != Route.Kind.FORM:
        raise _refusal("form", _("Choose one of the collaboration forms."), "form")
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    if pilot_ends_on != collaboration.pilot_ends_on:
        _not_past(pilot_ends_on, "pilot_ends_on")
    if form != collaboration.form:
        if form is None:
            _event(collaboration, "form_cleared", actor)
        else:
            _event(collaboration, "form_chosen", actor, key=form.key, name=form.name)
    if pilot_ends_on != collaboration.pilot_ends_on:
        if pilot_ends_on is None:
            _event(collaboration, "pilot_end_cleared", actor)
        else:
            _event(collaboration, "pilot_end_set", actor, date=pilot_ends_on.isoformat())
    collaboration.form, collaboration.pilot_ends_on = form, pilot_ends_on
    collaboration.save(update_fields=["form", "pilot_ends_on", "updated_at"])
    return collaboration


def _check_question(question: AdviceQuestion) -> None:
    errors: dict[str, str] = {}
    if question.buyer not in BUYERS:
        errors["buyer"] = _("Choose who buys.")
    if question.category not in Collaboration.Category.values:
        errors["category"] = _("Choose the kind of purchase.")
    if question.value_nok < 0:
        errors["value"] = _("The value cannot be negative.")
    if question.supplier is not None and question.supplier not in SUPPLIERS:
        errors["supplier"] = _("Choose the kind of supplier.")
    if errors:
        raise ValidationError(errors, code="question")


@transaction.atomic
def collaboration_advice_record(
    *, collaboration: Collaboration, actor: User | None, question: AdviceQuestion
) -> Collaboration:
    """Keep the advisor's answer as it was given on the day it speaks of, with the value and kind of purchase it
    was asked about, so the record shows what the parties relied on even after the law changes."""
    _check_question(question)
    advice = advice_for(
        buyer=question.buyer,
        category=question.category,
        value_nok=question.value_nok,
        day=question.day,
        supplier=question.supplier,
        innovation=question.innovation,
    )
    collaboration = Collaboration.objects.select_for_update().get(pk=collaboration.pk)
    collaboration.advice = advice.document()
    collaboration.advice_date = question.day
    collaboration.expected_value_nok = question.value_nok
    collaboration.category = question.category
    collaboration.save(update_fields=["advice", "advice_date", "expected_value_nok", "category", "updated_at"])
    _event(collaboration, "advice_recorded", actor, date=question.day.isoformat(), value=question.value_nok)
    return collaboration


def continue_routes(*, collaboration: Collaboration) -> list[Route] | None:
    """The lawful routes to continue after the pilot, asked for its end day and the expected value; None when the
    record lacks what the advisor needs (the value or the kind of purchase)."""
    if collaboration.pilot_ends_on is None or collaboration.expected_value_nok is None or not collaboration.category:
        return None
    buyer = str((collaboration.advice or {}).get("buyer") or buyer_of(collaboration.public_body))
    supplier = (collaboration.advice or {}).get("supplier")
    return advice_for(
        buyer=buyer,
        category=collaboration.category,
        value_nok=collaboration.expected_value_nok,
        day=collaboration.pilot_ends_on,
        supplier=supplier if supplier in SUPPLIERS else None,
        innovation=False,
    ).routes


def buyer_of(organisation: Organisation) -> str:
    """The advisor's kind of buyer for a public body: state agencies buy as the state, the rest sub-centrally."""
    kinds: dict[str, str] = {Organisation.Kind.COUNTY: "county", Organisation.Kind.STATE_AGENCY: "state"}
    return kinds.get(organisation.kind, "municipality")


@transaction.atomic
def milestone_add(
    *, collaboration: Collaboration, actor: User, title: str, due_on: date, owner: Organisation
) -> Milestone:
    if owner.pk not in collaboration.party_ids:
        raise _refusal("owner", _("The milestone belongs to one of the two parties."), "owner")
    _not_past(due_on, "due_on")
    milestone = Milestone(collaboration=collaboration, title=title, due_on=due_on, owner=owner)
    milestone.full_clean()
    milestone.save()
    _event(collaboration, "milestone_added", actor, title=title, due_on=due_on.isoformat(), milestone=milestone.pk)
    return milestone


@transaction.atomic
def milestone_mark_done(*, milestone: Milestone, actor: User) -> Milestone:
    milestone = Milestone.objects.select_for_update().select_related("collaboration").get(pk=milestone.pk)
    if milestone.done_on is not None:
        raise ValidationError(_("This milestone is already done."), code="done")
    milestone.done_on = timezone.localdate()
    milestone.save(update_fields=["done_on"])
    _event(milestone.collaboration, "milestone_done", actor, title=milestone.title, milestone=milestone.pk)
    return milestone


@transaction.atomic
def documents_add(
    *, collaboration: Collaboration, actor: User, uploads: Iterable[UploadedFile]
) -> list[CollaborationDocument]:
    """Judged by content as pitch attachments are; one bad file refuses them all and nothing is stored."""
    files = validate_attachments(uploads)
    if not files:
        raise _refusal("attachments", _("Choose at least one file."), "no_files")
    documents = []
    for upload, kind in files:
        document = CollaborationDocument(
            collaboration=collaboration,
            token=secrets.token_urlsafe(32),
            original_name=download_name(upload.name or "", kind),
            content_type=kind.content_type,
            size=upload.size or 0,
            uploaded_by=actor,
        )
        document.file.save(f"upload.{kind.extension}", upload, save=False)
        document.save()
        _event(collaboration, "document_added", actor, name=document.original_name)
        documents.append(document)
    return documents
