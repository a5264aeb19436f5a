"""Counties, municipalities and their official names come from versioned CSV files; this module keeps the
tables equal to them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import models, transaction

from samvei.core.data_files import csv_rows
from samvei.core.sources import sources_sync

from .entry_points import entry_points_sync
from .models import County, Municipality
from .official_names import official_names_sync

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTIES_FILE = DATA_DIR / "fylker-2025.csv"
MUNICIPALITIES_FILE = DATA_DIR / "kommuner-2025.csv"
SOURCES_FILE = DATA_DIR / "sources.json"
SOURCE_KEY = "norway-geodata-2025"

WRITTEN_LANGUAGES = {
    "Bokmål": Municipality.WrittenLanguage.BOKMAL,
    "Nynorsk": Municipality.WrittenLanguage.NYNORSK,
    "Nøytral": Municipality.WrittenLanguage.NEUTRAL,
}


@dataclass(frozen=True)
class SyncResult:
    created: int
    updated: int


def _website(host: str) -> str:
    host = host.strip()
    if not host:
        return ""
    return host if host.startswith(("http://", "https://")) else f"https://{host}"


def _upsert(
    model: type[models.Model], *, using: str, rows: dict[str, dict[str, Any]]
) -> tuple[dict[str, Any], SyncResult]:
    """Create missing rows and update changed ones, keyed by `number`; one query per changed row at most."""
    existing = {obj.number: obj for obj in model._default_manager.using(using).all()}  # type: ignore[attr-defined]
    created = updated = 0
    for number, fields in rows.items():
        obj = existing.get(number)
        if obj is None:
            existing[number] = model._default_manager.using(using).create(number=number, **fields)
            created += 1
        elif any(getattr(obj, name) != value for name, value in fields.items()):
            for name, value in fields.items():
                setattr(obj, name, value)
            obj.save(using=using)
            updated += 1
    return existing, SyncResult(created=created, updated=updated)


@transaction.atomic
def reference_data_sync(*, using: str = "default") -> SyncResult:
    sources = sources_sync(path=SOURCES_FILE, using=using)
    source = sources[SOURCE_KEY]
    counties, county_result = _upsert(
        County,
        using=using,
        rows={
            row["fylkesnummer"]: {"name": row["fylkesnavn"], "website": _website(row["nettside"]), "source": source}
            for row in csv_rows(COUNTIES_FILE)
        },
    )
    municipality_rows = {}
    for row in csv_rows(MUNICIPALITIES_FILE):
        name = row["kommunenavn_no"]
        municipality_rows[row["kommunenummer"]] = {
            "name": name,
            "county": counties[row["fylkesnummer"]],
            "administrative_centre": row["administrasjonssenter"],
            "population": int(row["innbyggere"]),
            "area_km2": Decimal(row["areal_km2"]).quantize(Decimal("0.01")),
            "written_language": WRITTEN_LANGUAGES[row["malform"]],
            "website": _website(row["nettside"]),
            "source": source,
        }
    _municipalities, municipality_result = _upsert(Municipality, using=using, rows=municipality_rows)
    names = official_names_sync(sources=sources, using=using)
    entries = entry_points_sync(sources=sources, using=using)
    return SyncResult(
        created=county_result.created + municipality_result.created + names.created + entries.created,
        updated=county_result.updated + municipality_result.updated + names.updated + names.deleted + entries.updated,
    )
