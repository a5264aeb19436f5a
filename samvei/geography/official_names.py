"""Official names in every language, kept equal to data/official-names.csv plus one Norwegian row per place.

The Norwegian row of a municipality or county is its `name` (from kommuner-/fylker-2025.csv, with that file's
source); the file holds the Sámi and Kven names, each with its own source, dates and whether its language is
verified. A row the file does not hold is deleted, so removing a line from the file removes the name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samvei.core.data_files import csv_date, csv_rows
from samvei.core.derived import refresh_later
from samvei.core.models import Source

from .models import County, Municipality, PlaceName

NAMES_FILE = Path(__file__).resolve().parent / "data" / "official-names.csv"
COLUMNS = (
    "unit",
    "number",
    "name",
    "language",
    "language_verified",
    "valid_from",
    "source_key",
    "source_date",
    "checked_on",
    "note",
)
Key = tuple[str, int, str, str]  # unit, place id, language, name


class OfficialNamesError(ValueError):
    """A line of the names file that cannot be loaded; the message names the file, line and what is wrong."""


@dataclass(frozen=True)
class NamesResult:
    created: int
    updated: int
    deleted: int


def _check(row: dict[str, str], *, where: str, places: dict[str, dict[str, int]], sources: dict[str, Source]) -> None:
    """Refuse a line that would load a wrong or unsourced name."""
    unit, number, name = row["unit"].strip(), row["number"].strip(), row["name"].strip()
    language, verified = row["language"].strip(), row["language_verified"].strip().lower()
    languages = {choice.value for choice in PlaceName.Language}
    problems = [
        (unit not in places, f"unit «{unit}» must be «municipality» or «county»."),
        (unit in places and number not in places[unit], f"there is no {unit} with number «{number}»."),
        (not name or len(name) > 100, "the name must have 1 to 100 characters."),
        (language not in languages, f"language «{language}» is not one of {', '.join(sorted(languages))}."),
        (language == PlaceName.Language.NORWEGIAN, "the Norwegian name comes from the municipality or county file."),
        (verified not in {"true", "false"}, "language_verified must be «true» or «false»."),
        (row["source_key"].strip() not in sources, f"source «{row['source_key']}» is not in sources.json."),
        (not row["checked_on"].strip(), "checked_on is required: when was the name last checked?"),
    ]
    for failed, message in problems:
        if failed:
            raise OfficialNamesError(f"{where}: {message}")


def _file_rows(
    path: Path, *, places: dict[str, dict[str, int]], sources: dict[str, Source]
) -> dict[Key, dict[str, Any]]:
    rows: dict[Key, dict[str, Any]] = {}
    positions: dict[tuple[str, int], int] = {}
    for line, row in enumerate(csv_rows(path), start=2):
        where = f"{path.name} line {line}"
        if set(COLUMNS) - set(row) or None in row.values():
            raise OfficialNamesError(f"{where}: the columns must be {', '.join(COLUMNS)}.")
        _check(row, where=where, places=places, sources=sources)
        unit, name = row["unit"].strip(), row["name"].strip()
        key = (unit, places[unit][row["number"].strip()], row["language"].strip(), name)
        if key in rows:
            raise OfficialNamesError(f"{where}: «{name}» ({key[2]}) is listed twice for {unit} {row['number']}.")
        position = positions[key[:2]] = positions.get(key[:2], 0) + 1
        rows[key] = {
            "language_verified": row["language_verified"].strip().lower() == "true",
            "position": position,
            "valid_from": csv_date(row["valid_from"], column="valid_from", where=where, error=OfficialNamesError),
            "source": sources[row["source_key"].strip()],
            "source_date": csv_date(row["source_date"], column="source_date", where=where, error=OfficialNamesError),
            "checked_on": csv_date(row["checked_on"], column="checked_on", where=where, error=OfficialNamesError),
            "note": row["note"].strip()[:300],
        }
    return rows


def _norwegian_rows(*, using: str) -> dict[Key, dict[str, Any]]:
    rows: dict[Key, dict[str, Any]] = {}
    for unit, model in (("municipality", Municipality), ("county", County)):
        for place in model._default_manager.using(using).select_related("source"):
            rows[(unit, place.pk, PlaceName.Language.NORWEGIAN.value, place.name)] = {
                "language_verified": True,
                "position": 0,
                "valid_from": None,
                "source": place.source,
                "source_date": None,
                "checked_on": None,
                "note": "",
            }
    return rows


def _key(name: PlaceName) -> Key:
    if name.municipality_id is not None:
        return ("municipality", name.municipality_id, name.language, name.name)
    return ("county", name.county_id or 0, name.language, name.name)


def official_names_sync(*, sources: dict[str, Source], using: str = "default", path: Path = NAMES_FILE) -> NamesResult:
    """Make the `PlaceName` rows equal to the file; raises `OfficialNamesError` before writing if a line is bad."""
    places = {
        "municipality": dict(Municipality.objects.using(using).values_list("number", "pk")),
        "county": dict(County.objects.using(using).values_list("number", "pk")),
    }
    wanted = _norwegian_rows(using=using) | _file_rows(path, places=places, sources=sources)
    existing = {_key(name): name for name in PlaceName.objects.using(using).all()}
    created: list[PlaceName] = []
    changed: set[tuple[str, int]] = set()
    updated = 0
    for key, fields in wanted.items():
        name = existing.pop(key, None)
        if name is None:
            unit, place_id, language, text = key
            created.append(PlaceName(**{f"{unit}_id": place_id}, language=language, name=text, **fields))
            changed.add(key[:2])
        elif any(getattr(name, field) != value for field, value in fields.items()):
            for field, value in fields.items():
                setattr(name, field, value)
            name.save(using=using)
            updated += 1
            changed.add(key[:2])
    PlaceName.objects.using(using).bulk_create(created)
    changed |= {key[:2] for key in existing}
    PlaceName.objects.using(using).filter(pk__in=[name.pk for name in existing.values()]).delete()
    _refresh_search(changed, using=using)
    return NamesResult(created=len(created), updated=updated, deleted=len(existing))


def _refresh_search(changed: set[tuple[str, int]], *, using: str) -> None:
    """The organisation of a municipality or county is found by its names (search/providers.py)."""
    municipality_ids = [place_id for unit, place_id in changed if unit == "municipality"]
    county_ids = [place_id for unit, place_id in changed if unit == "county"]
    organisation_ids = [
        *Municipality.objects.using(using).filter(pk__in=municipality_ids).values_list("organisation", flat=True),
        *County.objects.using(using).filter(pk__in=county_ids).values_list("organisation", flat=True),
    ]
    refresh_later("organisation", organisation_ids)
