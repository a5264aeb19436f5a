"""Thresholds, rules and routes start from reviewed data files; staff keep them current in the admin.

After every migrate the files' rows are created when missing. A row that exists is updated from its file only
when the file is newer than the row (`verified_on` for thresholds and rules, `revised_on` for routes), so that a
correction made by staff in the admin is not undone by an older file, and a newer file reaches every
installation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.db import models, transaction

from samvei.core.models import Source
from samvei.core.sources import sources_sync

from .models import Route, Rule, Threshold

DATA_DIR = Path(__file__).resolve().parent / "data"
THRESHOLDS_FILE = DATA_DIR / "thresholds.json"
RULES_FILE = DATA_DIR / "rules.json"
ROUTES_FILE = DATA_DIR / "routes.json"
SOURCES_FILE = DATA_DIR / "sources.json"
DATE_FIELDS = ("effective_from", "effective_to", "source_date", "verified_on", "revised_on")


def _fields(entry: dict[str, Any], *, skip: tuple[str, ...]) -> dict[str, Any]:
    fields = {name: value for name, value in entry.items() if name not in ("key", *skip)}
    for name in DATE_FIELDS:
        if name in fields:
            fields[name] = date.fromisoformat(fields[name]) if fields[name] else None
    return fields


def _sync_rows(
    model: type[models.Model],
    path: Path,
    *,
    newer: str,
    sources: dict[str, Source],
    using: str,
) -> tuple[dict[str, Any], int, int]:
    """Returns the rows by key, and how many were created and updated."""
    existing: dict[str, Any] = {row.key: row for row in model._default_manager.using(using).all()}  # type: ignore[attr-defined]
    created = updated = 0
    for entry in json.loads(path.read_text(encoding="utf-8")):
        fields = _fields(entry, skip=("source", "rules"))
        if "source" in entry:
            fields["source"] = sources[entry["source"]]
        row: Any = existing.get(entry["key"])
        if row is None:
            row = model(key=entry["key"], **fields)
            created += 1
        elif fields[newer] > getattr(row, newer):
            for name, value in fields.items():
                setattr(row, name, value)
            updated += 1
        else:
            continue
        row.full_clean(validate_unique=False)
        row.save(using=using)
        existing[row.key] = row
        if model is Route:
            row.rules.set(_rules(entry, using=using))
    return existing, created, updated


def _rules(entry: dict[str, Any], *, using: str) -> list[Rule]:
    keys = entry.get("rules", [])
    rules = {rule.key: rule for rule in Rule.objects.using(using).filter(key__in=keys)}
    missing = sorted(set(keys) - set(rules))
    if missing:
        raise ValueError(f"Route {entry['key']} cites unknown rules: {', '.join(missing)}")
    return [rules[key] for key in keys]


@transaction.atomic
def reference_data_sync(*, using: str = "default") -> dict[str, int]:
    """Returns how many rows of each kind were created and updated."""
    sources = sources_sync(path=SOURCES_FILE, using=using)
    counts: dict[str, int] = {}
    for name, model, path, newer in (
        ("thresholds", Threshold, THRESHOLDS_FILE, "verified_on"),
        ("rules", Rule, RULES_FILE, "verified_on"),
        ("routes", Route, ROUTES_FILE, "revised_on"),
    ):
        _rows, created, updated = _sync_rows(model, path, newer=newer, sources=sources, using=using)
        counts[f"{name}_created"] = created
        counts[f"{name}_updated"] = updated
    return counts
