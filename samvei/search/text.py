"""Norwegian text for the search index: words, stems and snippets. The same Snowball stemmer as PostgreSQL's
`norwegian` configuration, so both backends find the same forms (bokmål «kommunen» and nynorsk «kommuna» both
stem to «kommun»)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"[0-9a-zæøåäöüéèáàóòúùíìâêîôû]+", re.IGNORECASE)
SENTENCE = re.compile(r"(?<=[.!?])\s+")
MAX_QUERY_WORDS = 12
MAX_QUERY_LENGTH = 500
STOP_WORDS_FILE = Path(__file__).resolve().parent / "data" / "norwegian-stopwords.txt"
_stemmer = snowballstemmer.stemmer("norwegian")


@dataclass(frozen=True)
class QueryTerm:
    word: str
    stem: str
    prefix: bool  # False: only the whole word matches


@functools.cache
def stop_words() -> frozenset[str]:
    """The words PostgreSQL's `norwegian` configuration leaves out of every vector and query (data/sources.json)."""
    lines = STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def words(text: str) -> list[str]:
    return [word.casefold() for word in WORD.findall(text or "")]


def stem(word: str) -> str:
    return str(_stemmer.stemWord(word.casefold()))


def stemmed_text(text: str) -> str:
    return " ".join(stem(word) for word in words(text))


def query_terms(query: str) -> list[QueryTerm]:
    """The words of a user's query that count, each stem once, at most a dozen. Stop words are left out, as
    PostgreSQL leaves them out of its index: «i*» would otherwise match nearly every page. A word of one letter
    («M» in «Generasjonsmøte M») counts as a whole word beside a longer one, never as a prefix, and never alone.
    Longer words match as prefixes of stems («frafall» finds «frafallsarbeid»)."""
    found = [word for word in words(query[:MAX_QUERY_LENGTH]) if word not in stop_words()]
    if not any(len(word) > 1 for word in found):
        return []
    terms: dict[str, QueryTerm] = {}
    for word in found:
        stemmed = stem(word)
        terms.setdefault(stemmed, QueryTerm(word=word, stem=stemmed, prefix=len(word) > 1))
    return list(terms.values())[:MAX_QUERY_WORDS]


def stop_word_query(query: str) -> list[str]:
    """The words of a query made of stop words only («Noen», a company's name), which only names can match."""
    if query_terms(query):
        return []
    found = [word for word in words(query[:MAX_QUERY_LENGTH]) if len(word) > 1]
    return list(dict.fromkeys(found))[:MAX_QUERY_WORDS]


def query_words(query: str) -> list[str]:
    return [term.word for term in query_terms(query)] or stop_word_query(query)


def query_stems(query: str) -> list[str]:
    """The stems a search looks for and its snippets mark; empty when there is nothing to search for."""
    return [stem(word) for word in query_words(query)]


def _is_hit(word: str, stems: list[str]) -> bool:
    """A word of the text that a query stem finds: the same stem, or one it begins (as the search matched it)."""
    stemmed = stem(word)
    return any(stemmed == s or (len(s) > 1 and stemmed.startswith(s)) for s in stems)


def snippet(text: str, stems: list[str], *, length: int = 220) -> SafeString:
    """The first sentence with a query word, with the matching words marked; always HTML-escaped."""
    sentences = SENTENCE.split(text or "") or [""]
    chosen = next((s for s in sentences if any(_is_hit(w, stems) for w in words(s))), sentences[0])
    if len(chosen) > length:
        chosen = chosen[: length - 1].rsplit(" ", 1)[0] + "…"

    pieces = []
    for part in re.split(f"({WORD.pattern})", chosen, flags=re.IGNORECASE):
        is_hit = bool(WORD.fullmatch(part)) and _is_hit(part, stems)
        pieces.append(f"<mark>{escape(part)}</mark>" if is_hit else str(escape(part)))
    html = "".join(pieces)
    return mark_safe(html)  # noqa: S308 - every piece was escaped above
