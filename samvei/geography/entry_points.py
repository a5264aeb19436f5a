"""Addresses for new ideas that a municipality or county states itself, from data/entry-points.csv.

A line needs the page that states the address and the date it was checked: a list copied from a code
repository is not a source, and no line is better than a guessed address. Rows staff add in the admin stay;
a line of the file updates the row with the same place and source page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator

from samvei.core.data_files import csv_date, csv_rows
from samvei.core.models import Source

from .models import County, EntryPoint, Municipality

ENTRY_POINTS_FILE = Path(__file__).resolve().parent / "data" / "entry-points.csv"
COLUMNS = (
    "unit",
    "number",
    "email",
    "postal_address",
    "page_url",
    "source_key",
    "source_url",
    "source_date",
    "checked_on",
)


class EntryPointsError(ValueError):
    """A line of the file that cannot be loaded; the message names the file, line and what is wrong."""


@dataclass(frozen=True)
class EntryPointsResult:
    created: int
    updated: int


def _valid(validator: Any, value: str) -> bool:
    try:
        validator(value)
    except ValidationError:
        return False
    return True


def _fields(
    row: dict[str, str], *, where: str, places: dict[str, dict[str, int]], sources: dict[str, Source]
) -> dict[str, Any]:
    unit, number = row["unit"].strip(), row["number"].strip()
    email, postal, page, source_url = (
        row[name].strip() for name in ("email", "postal_address", "page_url", "source_url")
    )
    problems = [
        (unit not in places, f"unit «{unit}» must be «municipality» or «county»."),
        (unit in places and number not in places[unit], f"there is no {unit} with number «{number}»."),
        (not (email or postal or page), "give an e-mail address, a postal address or a page for ideas."),
        (bool(email) and not _valid(EmailValidator(), email), f"«{email}» is not an e-mail address."),
        (bool(page) and not _valid(URLValidator(), page), f"page_url «{page}» is not a web address."),
        (not _valid(URLValidator(), source_url), "source_url is required: the page that states the address."),
        (row["source_key"].strip() not in sources, f"source «{row['source_key']}» is not in sources.json."),
        (not row["checked_on"].strip(), "checked_on is required: when was the address last checked?"),
    ]
    for failed, message in problems:
        if failed:
            raise EntryPointsError(f"{where}: {message}")
    return {
        f"{unit}_id": places[unit][number],
        "email": email,
        "postal_address": postal[:300],
        "page_url": page,
        "source": sources[row["source_key"].strip()],
        "source_url": source_url,
        "source_date": csv_date(row["source_date"], column="source_date", where=where, error=EntryPointsError),
        "checked_on": csv_date(row["checked_on"], column="checked_on", where=where, error=EntryPointsError),
    }


def entry_points_sync(
    *, sources: dict[str, Source], using: str = "default", path: Path = ENTRY_POINTS_FILE
) -> EntryPointsResult:
    """Raises `EntryPointsError` before writing anything if a line is bad."""
    places = {
        "municipality": dict(Municipality.objects.using(using).values_list("number", "pk")),
        "county": dict(County.objects.using(using).values_list("number", "pk")),
    }
    wanted = []
    for line, row in enumerate(csv_rows(path), start=2):
        where = f"{path.name} line {line}"
        if set(COLUMNS) - set(row) or None in row.values():
            raise EntryPointsError(f"{where}: the columns must be {', '.join(COLUMNS)}.")
        wanted.append(_fields(row, where=where, places=places, sources=sources))
    created = updated = 0
    for fields in wanted:
        place = {key: fields.pop(key) for key in ("municipality_id", "county_id") if key in fields}
        _, was_created = EntryPoint.objects.using(using).update_or_create(
            **place, source_url=fields.pop("source_url"), defaults=fields
        )
        created, updated = created + was_created, updated + (not was_created)
    return EntryPointsResult(created=created, updated=updated)
