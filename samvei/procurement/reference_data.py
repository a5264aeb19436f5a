"""The thresholds start from a reviewed data file; staff keep them current in the admin.

After every migrate the file's rows are created when missing. A row that exists is updated from the file only
when the file was checked against the source more recently than the row (`verified_on`), so that a correction
made by staff in the admin is not undone by an older file, and a newer file reaches every installation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from samvei.core.sources import sources_sync

from .models import Threshold

DATA_DIR = Path(__file__).resolve().parent / "data"
THRESHOLDS_FILE = DATA_DIR / "thresholds.json"
SOURCES_FILE = DATA_DIR / "sources.json"
DATE_FIELDS = ("effective_from", "effective_to", "source_date", "verified_on")


def _fields(entry: dict[str, Any]) -> dict[str, Any]:
    fields = {name: value for name, value in entry.items() if name not in ("key", "source")}
    for name in DATE_FIELDS:
        fields[name] = date.fromisoformat(fields[name]) if fields.get(name) else None
    return fields


@transaction.atomic
def reference_data_sync(*, using: str = "default") -> dict[str, int]:
    """Returns how many thresholds were created and updated."""
    sources = sources_sync(path=SOURCES_FILE, using=using)
    existing = {row.key: row for row in Threshold.objects.using(using).all()}
    created = updated = 0
    for entry in json.loads(THRESHOLDS_FILE.read_text(encoding="utf-8")):
        fields = {**_fields(entry), "source": sources[entry["source"]]}
        row = existing.get(entry["key"])
        if row is None:
            row = Threshold(key=entry["key"], **fields)
            row.full_clean(validate_unique=False)
            row.save(using=using)
            created += 1
        elif fields["verified_on"] > row.verified_on:
            for name, value in fields.items():
                setattr(row, name, value)
            row.full_clean(validate_unique=False)
            row.save(using=using)
            updated += 1
    return {"created": created, "updated": updated}
