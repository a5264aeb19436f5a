"""Twelve fictional example challenges from real municipalities, published and marked as examples."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.db import transaction

from samvei.organisations.models import Organisation
from samvei.procurement.models import Route
from samvei.taxonomy.models import TargetGroup, WelfareArea

from .models import Challenge
from .services import challenge_create, challenge_transition

DEMO_FILE = Path(__file__).resolve().parent / "data" / "demo" / "challenges.jsonl"
FIELDS = ("title", "description", "affected", "tried", "desired_outcomes", "offer", "timeline")


@transaction.atomic
def demo_challenges_load() -> dict[str, int]:
    created = 0
    for line in DEMO_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if Challenge.objects.filter(ref=record["ref"]).exists():
            continue
        owner = Organisation.objects.get(municipality__number=record["municipality"])
        data = {field: record.get(field) or "" for field in FIELDS}
        data |= {
            "funding_min_nok": record.get("funding_min_nok"),
            "funding_max_nok": record.get("funding_max_nok"),
            "deadline": date.fromisoformat(record["deadline"]),
            "welfare_areas": WelfareArea.objects.filter(code__in=record.get("welfare_areas") or []),
            "target_groups": TargetGroup.objects.filter(code__in=record.get("target_groups") or []),
            "intent": record["intent"],
            "open_forms": Route.objects.filter(kind=Route.Kind.FORM, key__in=record.get("open_forms") or []),
        }
        challenge = challenge_create(owner=owner, actor=None, data=data)
        Challenge.objects.filter(pk=challenge.pk).update(ref=record["ref"], is_example=True)
        challenge_transition(challenge=challenge, actor=None, to_status=Challenge.Status.PUBLISHED)
        created += 1
    return {"challenges": created}
