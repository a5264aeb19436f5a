"""Imports challenges from JSON Lines, one per line, keyed by their external `ref`: importing the same file
again changes nothing. Each line is read, checked and written on its own, so memory stays flat and a bad line
never stops the import or leaves anything behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.core.importing import ImportReport, Rejection, RowRejected, read_records, within_limit
from samvei.core.limits import LONG_TEXT, TITLE
from samvei.core.validation import is_storable_text, printable
from samvei.organisations.models import Organisation
from samvei.taxonomy.models import TargetGroup, WelfareArea

from .models import Challenge
from .services import challenge_create, challenge_transition, challenge_update

TEXT_LIMITS = {"ref": 100, "title": TITLE, "description": LONG_TEXT}


@dataclass(frozen=True)
class ChallengeRow:
    ref: str
    owner: Organisation
    data: dict[str, Any]


@dataclass
class References:
    owners: dict[str, Organisation]
    welfare_areas: dict[str, WelfareArea]
    target_groups: dict[str, TargetGroup]

    @classmethod
    def load(cls) -> References:
        return cls(
            owners={
                org.municipality.number: org
                for org in Organisation.objects.filter(municipality__isnull=False).select_related("municipality")
                if org.municipality is not None  # for the type checker: the filter already ensures it
            },
            welfare_areas={area.code: area for area in WelfareArea.objects.all()},
            target_groups={group.code: group for group in TargetGroup.objects.all()},
        )


def _text(record: dict[str, Any], key: str, *, required: bool) -> str:
    value = record.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise RowRejected(_("%(field)s is missing") % {"field": key})
        return ""
    if not isinstance(value, str) or not is_storable_text(value):
        raise RowRejected(_("%(field)s must be text") % {"field": key})
    text = value.strip()
    return within_limit(text, field=key, limit=TEXT_LIMITS[key]) if key in TEXT_LIMITS else text


def _terms(record: dict[str, Any], key: str, known: dict[str, Any]) -> list[Any]:
    codes = record.get(key) or []
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise RowRejected(_("%(field)s must be a list of codes") % {"field": key})
    unknown = [printable(code) for code in codes if code not in known]
    if unknown:
        raise RowRejected(_("unknown %(field)s: %(codes)s") % {"field": key, "codes": ", ".join(unknown)})
    return [known[code] for code in codes]


def _deadline(value: object) -> date | None:
    if value in (None, ""):
        return None
    try:
        deadline = date.fromisoformat(str(value))
    except ValueError:
        raise RowRejected(_("deadline %(value)s is not a date (YYYY-MM-DD)") % {"value": printable(value)}) from None
    if deadline < timezone.localdate():
        raise RowRejected(_("deadline %(value)s is in the past") % {"value": printable(value)})
    return deadline


def _intent(record: dict[str, Any]) -> dict[str, str]:
    """Optional in the file; an unknown value refuses the line rather than guessing what the challenge is."""
    if record.get("intent") in (None, ""):
        return {}
    value = record["intent"]
    if value not in Challenge.Intent.values:
        raise RowRejected(_("intent %(value)s is not one of: %(known)s")
                          % {"value": printable(value), "known": ", ".join(Challenge.Intent.values)})  # fmt: skip
    return {"intent": value}


def row_from_record(record: object, *, references: References) -> ChallengeRow:
    if not isinstance(record, dict):
        raise RowRejected(_("the line is not a JSON object"))
    municipality = _text(record, "municipality", required=True)
    owner = references.owners.get(municipality)
    if owner is None:
        raise RowRejected(_("unknown municipality %(number)s") % {"number": printable(municipality)})
    return ChallengeRow(
        ref=_text(record, "ref", required=True),
        owner=owner,
        data={
            "title": _text(record, "title", required=True),
            "description": _text(record, "description", required=True),
            "deadline": _deadline(record.get("deadline")),
            "welfare_areas": _terms(record, "welfare_areas", references.welfare_areas),
            "target_groups": _terms(record, "target_groups", references.target_groups),
            **_intent(record),
        },
    )


def _unchanged(challenge: Challenge, row: ChallengeRow) -> bool:
    fields_same = all(
        getattr(challenge, key) == value
        for key, value in row.data.items()
        if key not in ("welfare_areas", "target_groups")
    )
    areas_same = {a.pk for a in challenge.welfare_areas.all()} == {a.pk for a in row.data["welfare_areas"]}
    groups_same = {g.pk for g in challenge.target_groups.all()} == {g.pk for g in row.data["target_groups"]}
    return challenge.owner_id == row.owner.pk and fields_same and areas_same and groups_same


@transaction.atomic
def _write(row: ChallengeRow, report: ImportReport) -> None:
    existing = Challenge.objects.filter(ref=row.ref).first()
    if existing is None:
        # A file that does not say what the challenge is publishes it as the claim that promises least.
        data = {"intent": Challenge.Intent.EXPLORATION, **row.data}
        challenge = challenge_create(owner=row.owner, actor=None, data=data)
        Challenge.objects.filter(pk=challenge.pk).update(ref=row.ref)
        challenge_transition(challenge=challenge, actor=None, to_status=Challenge.Status.PUBLISHED)
        report.created += 1
    elif _unchanged(existing, row):
        report.unchanged += 1
    else:
        if existing.owner_id != row.owner.pk:
            raise RowRejected(_("ref %(ref)s belongs to another public body") % {"ref": row.ref})
        challenge_update(challenge=existing, actor=None, data=row.data)
        report.updated += 1


def challenges_import(*, stream: BinaryIO) -> ImportReport:
    """New challenges are published at once: the file stands for the public body's own decision to publish.
    Read as every import reads (JSON Lines or an array, plain or gzip), so a broken or hostile line is one
    rejection and the lines after it are still imported."""
    references = References.load()
    input_format, records = read_records(stream=stream)
    report = ImportReport(format=input_format)
    for item in records:
        if isinstance(item, Rejection):
            report.reject(item)
            continue
        try:
            _write(row_from_record(item.value, references=references), report)
        except RowRejected as error:
            report.reject(Rejection(position=item.position, reason=error.reason))
        except ValidationError as error:
            report.reject(Rejection(position=item.position, reason=printable("; ".join(error.messages), limit=500)))
    return report
