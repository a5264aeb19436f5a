"""The consumer price index, the financial proxies and the discount rates start from reviewed data files; staff keep them current
in the admin.

After every migrate the files' rows are created when missing. A row that exists is updated from its file only
when the file's `verified_on` is newer than the row's, so that a correction made by staff in the admin is not
undone by an older file, and a newer file reaches every installation (the rule of
`samvei.procurement.reference_data`)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from django.db import models, transaction

from samvei.core.models import Source
from samvei.core.sources import sources_sync

from .models import DiscountRate, FinancialProxy, PriceIndex

DATA_DIR = Path(__file__).resolve().parent / "data"
CPI_FILE = DATA_DIR / "cpi.json"
DISCOUNT_RATES_FILE = DATA_DIR / "discount_rates.json"
PROXIES_FILE = DATA_DIR / "proxies.json"
SOURCES_FILE = DATA_DIR / "sources.json"
DATE_FIELDS = ("valid_from", "source_date", "verified_on")


@cache
def secondary_source_keys() -> frozenset[str]:
    """Sources that only repeat a figure from elsewhere; the model has no field for it, so the file says so."""
    entries = json.loads(SOURCES_FILE.read_text(encoding="utf-8"))
    return frozenset(entry["key"] for entry in entries if entry.get("secondary"))


def _fields(entry: dict[str, Any], *, key: str, sources: dict[str, Source]) -> dict[str, Any]:
    fields = {name: value for name, value in entry.items() if name not in (key, "source")}
    for name in DATE_FIELDS:
        if name in fields:
            fields[name] = date.fromisoformat(fields[name])
    fields["source"] = sources[entry["source"]]
    return fields


def _sync_rows(
    model: type[models.Model], path: Path, *, key: str, sources: dict[str, Source], using: str
) -> tuple[int, int]:
    """Returns how many rows were created and updated."""
    existing: dict[Any, Any] = {getattr(row, key): row for row in model._default_manager.using(using).all()}
    created = updated = 0
    for entry in json.loads(path.read_text(encoding="utf-8")):
        fields = _fields(entry, key=key, sources=sources)
        identity = date.fromisoformat(entry[key]) if key in DATE_FIELDS else entry[key]
        row: Any = existing.get(identity)
        if row is None:
            row = model(**{key: identity}, **fields)
            created += 1
        elif fields["verified_on"] > row.verified_on:
            for name, value in fields.items():
                setattr(row, name, value)
            updated += 1
        else:
            continue
        row.full_clean(validate_unique=False)
        row.save(using=using)
        existing[identity] = row
    return created, updated


@transaction.atomic
def reference_data_sync(*, using: str = "default") -> dict[str, int]:
    """Returns how many rows of each kind were created and updated."""
    sources = sources_sync(path=SOURCES_FILE, using=using)
    counts: dict[str, int] = {}
    for name, model, path, key in (
        ("price_index", PriceIndex, CPI_FILE, "year"),
        ("proxies", FinancialProxy, PROXIES_FILE, "key"),
        ("discount_rates", DiscountRate, DISCOUNT_RATES_FILE, "valid_from"),
    ):
        created, updated = _sync_rows(model, path, key=key, sources=sources, using=using)
        counts[f"{name}_created"] = created
        counts[f"{name}_updated"] = updated
    return counts
