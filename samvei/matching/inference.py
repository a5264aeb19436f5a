"""Welfare areas and target groups read from free text, for challenges and organisations that do not state
them. The word lists are data (`data/keywords.json`)."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

KEYWORDS_FILE = Path(__file__).resolve().parent / "data" / "keywords.json"


@lru_cache(maxsize=1)
def _keywords() -> dict[str, dict[str, list[str]]]:
    data: dict[str, dict[str, list[str]]] = json.loads(KEYWORDS_FILE.read_text(encoding="utf-8"))
    return {"welfare_areas": data["welfare_areas"], "target_groups": data["target_groups"]}


def _found(text: str, table: dict[str, list[str]]) -> set[str]:
    normalised = " " + re.sub(r"\s+", " ", text.casefold()) + " "
    return {code for code, beginnings in table.items() if any(f" {b}" in normalised for b in beginnings)}


def inferred_welfare_areas(text: str) -> set[str]:
    return _found(text, _keywords()["welfare_areas"])


def inferred_target_groups(text: str) -> set[str]:
    return _found(text, _keywords()["target_groups"])
