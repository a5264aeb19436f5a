"""Loading data/funding.json: new schemes are created, and shipped rows that no editor has changed are brought up
to the file.

Every record is validated like an editor's change (`full_clean`), so the file cannot carry an applicant kind that
is no Norwegian legal form, or a "who may apply" list for a fund that takes no applications. A record that was
renamed lists its old slugs in `former_slugs`: the row keeps its id (follows, recipe links) and takes the new slug,
and the old address redirects. `replaces` works as in content_data: per field, fingerprints of the values earlier
files shipped; a field still holding one of them was never edited and takes the file's value."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError

from samvei.organisations.models import Organisation

from .content_data import PUBLISHED, _areas, _load, _source, fingerprint
from .models import FundingScheme, FundingSchemeSource

DATA_FILE = "funding.json"
DATE_FIELDS = {"checked_on", "source_date", "next_deadline"}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _required_day(value: str) -> date:
    return date.fromisoformat(value)


def _shown(value: Any) -> str:
    """A stored value as the text its fingerprint was taken of."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, list):
        return json.dumps(sorted(str(item) for item in value))
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _fields(record: dict[str, Any]) -> dict[str, Any]:
    """The scheme's own fields as the file gives them."""
    return {
        "name": record["name"],
        "funder": record["funder"],
        "former_slugs": record.get("former_slugs") or [],
        "takes_applications": record.get("takes_applications", True),
        "selection_nb": record.get("selection_nb") or "",
        "selection_en": record.get("selection_en") or "",
        "applicant_kinds": record.get("applicant_kinds") or [],
        "description_nb": record["description_nb"],
        "description_en": record.get("description_en") or "",
        "criteria_nb": record.get("criteria_nb") or "",
        "criteria_en": record.get("criteria_en") or "",
        "amounts_nb": record.get("amounts_nb") or "",
        "amounts_en": record.get("amounts_en") or "",
        "deadline_rule_nb": record.get("deadline_rule_nb") or "",
        "deadline_rule_en": record.get("deadline_rule_en") or "",
        "next_deadline": _day(record.get("next_deadline")),
        "url": record["url"],
        "source_date": _day(record.get("source_date")),
        "checked_on": _required_day(record["checked_on"]),
    }


def _main_source(record: dict[str, Any]) -> Any:
    return _source(url=record["source_url"], title=record.get("source_title") or record["name"])


def _claim_sources(scheme: FundingScheme, record: dict[str, Any]) -> int:
    """The per-fact sources, for a scheme that has none yet (editors manage them after that)."""
    if scheme.claim_sources.exists():
        return 0
    rows = [
        FundingSchemeSource(
            scheme=scheme,
            position=position,
            supports=entry["supports"],
            title=entry["title"][:300],
            url=entry["url"],
            publisher=(entry.get("publisher") or "")[:200],
            source_date=_day(entry.get("source_date")),
            checked_on=_required_day(entry["checked_on"]),
        )
        for position, entry in enumerate(record.get("sources") or [])
    ]
    for row in rows:
        row.full_clean(exclude=["scheme"])
    FundingSchemeSource.objects.bulk_create(rows)
    return len(rows)


def _create(record: dict[str, Any]) -> FundingScheme:
    scheme = FundingScheme(
        slug=record["slug"],
        status=PUBLISHED,
        funder_organisation=Organisation.objects.filter(org_number=record.get("funder_org_number") or "-").first(),
        source=_main_source(record),
        **_fields(record),
    )
    scheme.full_clean()
    scheme.save()
    scheme.welfare_areas.set(_areas(record.get("welfare_areas")))
    return scheme


def _refresh(scheme: FundingScheme, record: dict[str, Any]) -> int:
    """Bring unedited fields of a shipped row up to the record; returns how many changed."""
    shipped: dict[str, list[str]] = record.get("replaces") or {}
    wanted = _fields(record)
    changed = []
    for name, marks in shipped.items():
        if name == "source_url":
            if scheme.source.url != record["source_url"] and fingerprint(scheme.source.url) in marks:
                scheme.source = _main_source(record)
                changed.append("source")
            continue
        current = getattr(scheme, name)
        if current != wanted[name] and fingerprint(_shown(current)) in marks:
            setattr(scheme, name, wanted[name])
            changed.append(name)
    if changed:
        scheme.full_clean()
        scheme.save(update_fields=changed)
    return len(changed)


def _renamed(record: dict[str, Any], rows: dict[str, FundingScheme]) -> FundingScheme | None:
    """The row a renamed record was loaded as, now under its new slug."""
    for old in record.get("former_slugs") or []:
        row = rows.pop(old, None)
        if row is not None:
            row.slug = record["slug"]
            row.save(update_fields=["slug"])
            return row
    return None


def funding_load() -> dict[str, int]:
    """Raises ValidationError, naming the record, when the file holds something the model refuses."""
    rows = {row.slug: row for row in FundingScheme.objects.select_related("source")}
    counts = {"funding schemes": 0, "funding schemes corrected": 0, "funding sources": 0}
    for record in _load(DATA_FILE):
        try:
            scheme = rows.get(record["slug"]) or _renamed(record, rows)
            if scheme is None:
                scheme = _create(record)
                counts["funding schemes"] += 1
            else:
                counts["funding schemes corrected"] += _refresh(scheme, record)
            counts["funding sources"] += _claim_sources(scheme, record)
        except ValidationError as error:
            raise ValidationError(f"{DATA_FILE}, «{record.get('slug')}»: {error}") from error
    return counts
