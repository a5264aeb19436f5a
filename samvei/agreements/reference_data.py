"""Agreement templates start from a reviewed data file; staff keep them current in the admin.

After every migrate a template version in the file is created when missing, and updated from the file only when
the file was checked later than the row (`verified_on`), so a correction made by staff in the admin is not undone
by an older file. The same pattern as `procurement/reference_data.py`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.db import transaction

from samvei.core.sources import sources_sync

from .models import AgreementTemplate

DATA_DIR = Path(__file__).resolve().parent / "data"
TEMPLATES_FILE = DATA_DIR / "templates.json"
SOURCES_FILE = DATA_DIR / "sources.json"
DATE_FIELDS = ("effective_from", "effective_to", "source_date", "verified_on")


def _fields(entry: dict[str, Any]) -> dict[str, Any]:
    fields = {name: value for name, value in entry.items() if name not in ("key", "version", "source")}
    for name in DATE_FIELDS:
        if name in fields:
            fields[name] = date.fromisoformat(fields[name]) if fields[name] else None
    return fields


@transaction.atomic
def templates_sync(
    *, using: str = "default", path: Path = TEMPLATES_FILE, sources_path: Path = SOURCES_FILE
) -> dict[str, int]:
    """Returns how many template versions were created and updated."""
    sources = sources_sync(path=sources_path, using=using)
    existing = {(row.key, row.version): row for row in AgreementTemplate.objects.using(using).all()}
    created = updated = 0
    for entry in json.loads(path.read_text(encoding="utf-8")):
        fields = _fields(entry)
        fields["source"] = sources[entry["source"]]
        row = existing.get((entry["key"], entry["version"]))
        if row is None:
            row = AgreementTemplate(key=entry["key"], version=entry["version"], **fields)
            created += 1
        elif fields["verified_on"] > row.verified_on:
            for name, value in fields.items():
                setattr(row, name, value)
            updated += 1
        else:
            continue
        row.full_clean(validate_unique=False)
        row.save(using=using)
    return {"templates_created": created, "templates_updated": updated}
