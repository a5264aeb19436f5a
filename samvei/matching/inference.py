"""Welfare areas and target groups read from free text, for challenges and organisations that do not state
them. The vocabulary is data (`data/lexicon.json`): for each code, word beginnings that alone make it likely
(strong) and words that only point to it (weak); a code is read from a text when its strong words plus half
its weak words found there come to one or more."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "lexicon.json"
WEAK_WEIGHT = 0.5
THRESHOLD = 1.0


@lru_cache(maxsize=1)
def lexicon() -> dict[str, dict[str, dict[str, Any]]]:
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    return {"welfare_areas": data["welfare_areas"], "target_groups": data["target_groups"]}


def _found(text: str, table: dict[str, dict[str, Any]]) -> set[str]:
    normalised = " " + re.sub(r"\s+", " ", text.casefold()) + " "

    def weight(words: list[str]) -> int:
        return sum(f" {word}" in normalised for word in words)

    return {
        code
        for code, words in table.items()
        if weight(words["strong"]) + WEAK_WEIGHT * weight(words["weak"]) >= THRESHOLD
    }


def inferred_welfare_areas(text: str) -> set[str]:
    return _found(text, lexicon()["welfare_areas"])


def inferred_target_groups(text: str) -> set[str]:
    return _found(text, lexicon()["target_groups"])
