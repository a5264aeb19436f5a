"""Demo content for `make run`: fictional example enterprises (marked as examples), real enterprises from
public sources (marked as not yet claimed) and example contact points. Loading again refreshes unclaimed rows
from the files (so corrected sources reach existing installations) and otherwise changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from samvei.geography.models import County, Municipality
from samvei.taxonomy.models import TargetGroup, WelfareArea

from .models import ContactPoint, DocumentedResult, Organisation

DEMO_DIR = Path(__file__).resolve().parent / "data" / "demo"
ENTERPRISE_FILES = ("example-enterprises.jsonl", "real-enterprises.jsonl")
CONTACT_POINTS_FILE = "contact-points.jsonl"


def _records(name: str) -> Iterator[dict[str, Any]]:
    with (DEMO_DIR / name).open(encoding="utf-8") as file:
        for line in file:
            if line.strip():
                yield json.loads(line)


def _enterprise(record: dict[str, Any], *, is_example: bool) -> tuple[Organisation, bool]:
    fields = {
        "name": record["name"],
        "kind": record["kind"],
        "org_number": record.get("org_number"),
        "organisation_form": record.get("organisation_form") or "",
        "description": record.get("description") or "",
        "mission": record.get("mission") or "",
        "services": record.get("services") or "",
        "national": bool(record.get("national")),
        "website": record.get("website") or "",
        "contact_email": record.get("contact_email") or "",
        "contact_phone": record.get("contact_phone") or "",
        "is_example": is_example,
        "source_urls": "\n".join(record.get("source_urls") or []),
    }
    organisation, created = Organisation.objects.get_or_create(slug=record["slug"], defaults=fields)
    if not created:
        if organisation.memberships.exists():
            return organisation, False  # claimed: its members own the facts now
        for name, value in fields.items():
            setattr(organisation, name, value)
        organisation.save()
    organisation.full_clean()
    organisation.welfare_areas.set(WelfareArea.objects.filter(code__in=record.get("welfare_areas") or []))
    organisation.target_groups.set(TargetGroup.objects.filter(code__in=record.get("target_groups") or []))
    organisation.municipalities.set(Municipality.objects.filter(number__in=record.get("municipalities") or []))
    organisation.counties.set(County.objects.filter(number__in=record.get("counties") or []))
    organisation.results.all().delete()
    DocumentedResult.objects.bulk_create(
        DocumentedResult(
            organisation=organisation,
            text=result["text"],
            figure=result.get("figure") or "",
            source_url=result.get("source_url") or "",
            position=position,
        )
        for position, result in enumerate(record.get("results") or [])
    )
    return organisation, created


def _contact_point(record: dict[str, Any]) -> bool:
    organisation = Organisation.objects.get(municipality__number=record["municipality"])
    if ContactPoint.objects.filter(organisation=organisation, email=record["email"]).exists():
        return False
    point = ContactPoint(
        organisation=organisation,
        unit=record["unit"],
        role_title=record["role_title"],
        person_name=record.get("person_name") or "",
        email=record["email"],
        phone=record.get("phone") or "",
        decides_on=record["decides_on"],
        is_entry_contact=bool(record.get("is_entry_contact"))
        and not ContactPoint.objects.filter(organisation=organisation, is_entry_contact=True).exists(),
        last_confirmed_on=date.fromisoformat(record["last_confirmed"]),
        is_example=True,
    )
    point.full_clean()
    point.save()
    point.welfare_areas.set(WelfareArea.objects.filter(code__in=record.get("welfare_areas") or []))
    return True


@transaction.atomic
def demo_data_load() -> dict[str, int]:
    """Returns how many organisations and contact points were created."""
    created_organisations = 0
    for name in ENTERPRISE_FILES:
        for record in _records(name):
            _organisation, created = _enterprise(record, is_example=name.startswith("example"))
            created_organisations += created
    created_points = sum(_contact_point(record) for record in _records(CONTACT_POINTS_FILE))
    return {"organisations": created_organisations, "contact_points": created_points}
