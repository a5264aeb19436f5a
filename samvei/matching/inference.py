"""Welfare areas and target groups read from free text, for challenges and organisations that do not state
them. The vocabulary is data (`data/lexicon.json`): for each code, word beginnings that alone make it likely
(strong) and words that only point to it (weak); a code is read from a text when its strong words plus half
its weak words found there come to one or more."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import TypedDict

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "lexicon.json"
WEAK_WEIGHT = 0.5
THRESHOLD = 1.0
# Quotes, brackets, slashes and most other punctuation separate words; hyphens, dashes and plus signs
# belong to them («nav-kontor», «13–19», «65+»).
_SEPARATORS = re.compile(r"[^\w\s+\-–]")


class Words(TypedDict):
    strong: list[str]
    weak: list[str]
    prototypes: list[str]


Lexicon = dict[str, dict[str, Words]]


def _words_of(text: str) -> str:
    """Lower case with single spaces between words, punctuation read as a space."""
    return re.sub(r"\s+", " ", _SEPARATORS.sub(" ", text.casefold()))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The vocabulary, each entry in the form texts are compared in (a trailing comma becomes a word end)."""
    data = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    return {
        kind: {
            code: Words(
                strong=[_words_of(word) for word in words["strong"]],
                weak=[_words_of(word) for word in words["weak"]],
                prototypes=words["prototypes"],
            )
            for code, words in data[kind].items()
        }
        for kind in ("welfare_areas", "target_groups")
    }


def _hits(words: list[str], text: str) -> int:
    return sum(f" {word}" in text for word in words)


def _found(text: str, table: dict[str, Words]) -> set[str]:
    normalised = f" {_words_of(text)} "
    return {
        code
        for code, words in table.items()
        if _hits(words["strong"], normalised) + WEAK_WEIGHT * _hits(words["weak"], normalised) >= THRESHOLD
    }


def inferred_welfare_areas(text: str) -> set[str]:
    return _found(text, lexicon()["welfare_areas"])


def inferred_target_groups(text: str) -> set[str]:
    return _found(text, lexicon()["target_groups"])
