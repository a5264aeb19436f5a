"""The documented effects of the shipped cases, kept in step with `data/cases.json`.

A case's effects are replaced from the file when the file has been checked against its sources more recently
than what the database holds, so a correction of a figure reaches sites installed earlier, while effects that
staff checked later in the admin stand."""

from __future__ import annotations

from datetime import date
from typing import Any

from .models import Case, CaseEffect


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _newest_check(days: list[date | None]) -> date:
    return max((day for day in days if day is not None), default=date.min)


def case_effects_sync(*, records: list[dict[str, Any]]) -> int:
    """Returns how many cases got their effects replaced."""
    cases = {case.slug: case for case in Case.objects.prefetch_related("effects")}
    replaced = 0
    for record in records:
        case = cases.get(record["slug"])
        wanted = record.get("effects") or []
        if case is None or not wanted:
            continue
        stored = list(case.effects.all())
        in_file = _newest_check([_day(effect.get("checked_on")) for effect in wanted])
        if stored and _newest_check([effect.checked_on for effect in stored]) >= in_file:
            continue
        case.effects.all().delete()
        CaseEffect.objects.bulk_create(
            CaseEffect(
                case=case,
                position=position,
                text_nb=effect["text_nb"],
                text_en=effect.get("text_en") or "",
                figure=effect.get("figure") or "",
                evidence=effect["evidence"],
                source_url=effect["source_url"],
                source_title=effect.get("source_title") or "",
                source_date=_day(effect.get("source_date")),
                checked_on=_day(effect.get("checked_on")),
            )
            for position, effect in enumerate(wanted)
        )
        replaced += 1
    return replaced
