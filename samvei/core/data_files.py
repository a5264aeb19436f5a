"""Reading the versioned data files that apps keep under <app>/data/."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path


def csv_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        yield from csv.DictReader(file)


def csv_date(value: str, *, column: str, where: str, error: type[ValueError]) -> date | None:
    """An optional ISO date in a data file; a bad one raises `error` naming the line and column."""
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as problem:
        raise error(f"{where}: {column} «{value}» is not a date (YYYY-MM-DD).") from problem
