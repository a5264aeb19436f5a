"""Norwegian text for the search index: words, stems and snippets. The same Snowball stemmer as PostgreSQL's
`norwegian` configuration, so both backends find the same forms (bokmål «kommunen» and nynorsk «kommuna» both
stem to «kommun»)."""

from __future__ import annotations

import re

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"[0-9a-zæøåäöüéèáàóòúùíìâêîôû]+", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?])\s+")
MAX_QUERY_WORDS = 12
MAX_QUERY_LENGTH = 500
_stemmer = snowballstemmer.stemmer("norwegian")


def words(text: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(text or "")]


def stem(word: str) -> str:
    return str(_stemmer.stemWord(word.casefold()))


def stemmed_text(text: str) -> str:
    return " ".join(stem(word) for word in words(text))


def query_words(query: str) -> list[str]:
    """The words of a user's query that count: at most a dozen, each at least two characters."""
    return [word for word in words(query) if len(word) >= 2][:MAX_QUERY_WORDS]


def query_stems(query: str) -> list[str]:
    return [stem(word) for word in query_words(query[:MAX_QUERY_LENGTH])]


def snippet(text: str, stems: list[str], *, length: int = 220) -> SafeString:
    """The first sentence with a query word, with the matching words marked; always HTML-escaped."""
    sentences = SENTENCE.split(text or "") or [""]
    chosen = next((s for s in sentences if any(stem(w) in stems for w in words(s))), sentences[0])
    if len(chosen) > length:
        chosen = chosen[: length - 1].rsplit(" ", 1)[0] + "…"

    pieces = []
    for part in re.split(f"({WORD.pattern})", chosen, flags=re.IGNORECASE):
        is_hit = bool(WORD.fullmatch(part)) and stem(part) in stems
        pieces.append(f"<mark>{escape(part)}</mark>" if is_hit else str(escape(part)))
    html = "".join(pieces)
    return mark_safe(html)  # noqa: S308 - every piece was escaped above
