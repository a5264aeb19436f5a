"""Two ways to find documents, one interface and one order: PostgreSQL full-text search with the `norwegian`
configuration (weighted title and body, GIN index, trigram similarity when a word is misspelt), and SQLite FTS5
over Snowball-stemmed text with BM25 ranking.

Both rank a query's matches in the same tiers: pages with more of its words first; among those, pages with more
of them in the name (title or aliases); then real entries before fictional examples; then the text rank. A page
with only some of the words is found too, below those with more."""

from __future__ import annotations

from typing import Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramSimilarity
from django.db import connection
from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.expressions import Combinable

from .models import SearchDocument
from .text import QueryTerm, query_terms, stem, stemmed_text, stop_word_query

TRIGRAM_THRESHOLD = 0.3
NAME_WEIGHT = 2.0  # SQLite's BM25 weight of a name match against a body match (PostgreSQL: weight A against B)


class SearchBackend(Protocol):
    def write(self, document: SearchDocument) -> None: ...

    def delete(self, document_ids: list[int]) -> None: ...

    def ranked_ids(self, query: str, candidates: QuerySet[SearchDocument], limit: int) -> list[int]: ...


def _with_extras(document: SearchDocument) -> SearchDocument:
    """The document with its aliases and example flag, which `DocumentData` does not carry (providers.py)."""
    from .providers import document_extras

    extras = document_extras(document.kind, document.object_id)
    document.aliases, document.is_example = extras.aliases, extras.is_example
    return document


class PostgresBackend:
    def write(self, document: SearchDocument) -> None:
        document = _with_extras(document)
        vector = (
            SearchVector("title", weight="A", config="norwegian")
            + SearchVector(Value(document.aliases), weight="A", config="norwegian")
            + SearchVector("body", weight="B", config="norwegian")
        )
        SearchDocument.objects.filter(pk=document.pk).update(
            vector=vector, aliases=document.aliases, is_example=document.is_example
        )

    def delete(self, document_ids: list[int]) -> None:
        """The vector lives in the document row, so deleting the row is enough."""

    def ranked_ids(self, query: str, candidates: QuerySet[SearchDocument], limit: int) -> list[int]:
        terms = query_terms(query)
        if not terms:
            names = stop_word_query(query)
            return _similar_titles(candidates, " ".join(names), limit) if names else []
        every = _query(terms, " & ")
        # When `limit` documents hold every word in their titles, the best of those are the answer, found
        # through the title index: ranking every body match of a word that most documents contain («kommune»)
        # would cost more than the rest of the search, and they rank first anyway.
        titled = candidates.annotate(title_vector=SearchVector("title", config="norwegian"))
        found = _ordered(titled.filter(title_vector=every), every, limit)
        if len(found) < limit:
            # Pages with every word, and unless there are enough of those, pages with some of them.
            found = _ordered(candidates.filter(vector=every), every, limit, terms=terms)
            if len(found) < limit and len(terms) > 1:
                found = _ordered(candidates.filter(vector=_query(terms, " | ")), every, limit, terms=terms)
        return found or _similar_titles(candidates, " ".join(term.word for term in terms), limit)


def _tsquery(term: QueryTerm, *, weights: str = "") -> str:
    return f"{term.word}:{'*' if term.prefix else ''}{weights}" if term.prefix or weights else term.word


def _query(terms: list[QueryTerm], operator: str) -> SearchQuery:
    return SearchQuery(operator.join(_tsquery(term) for term in terms), config="norwegian", search_type="raw")


def _count_of(terms: list[QueryTerm], *, weights: str = "") -> Combinable:
    """How many of the terms a document's vector holds (with `weights`: in those weights only)."""
    counts = [
        Case(
            When(vector=SearchQuery(_tsquery(t, weights=weights), config="norwegian", search_type="raw"), then=1),
            default=0,
            output_field=IntegerField(),
        )
        for t in terms
    ]
    total: Combinable = counts[0]
    for count in counts[1:]:
        total = total + count
    return total


def _ordered(
    matching: QuerySet[SearchDocument], rank_by: SearchQuery, limit: int, *, terms: list[QueryTerm] | None = None
) -> list[int]:
    """The best `limit` of the matching documents. Without `terms`, every match holds every word in its title;
    with them, the tiers of the module docstring are counted."""
    tiers: list[str] = []
    if terms:
        matching = matching.annotate(words=_count_of(terms), name_words=_count_of(terms, weights="A"))
        tiers = ["-words", "-name_words"]
    return list(
        matching.annotate(rank=SearchRank(F("vector"), rank_by))
        .order_by(*tiers, "is_example", "-rank", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def _similar_titles(candidates: QuerySet[SearchDocument], text: str, limit: int) -> list[int]:
    """For a short query that matches no word: titles that look like it (a misspelt name)."""
    if len(text) > 40:
        return []
    return list(
        candidates.annotate(similarity=TrigramSimilarity("title", text))
        .filter(similarity__gt=TRIGRAM_THRESHOLD)
        .order_by("-similarity", "is_example", "pk")
        .values_list("pk", flat=True)[:limit]
    )


RANKED_FTS_ROWS = (
    "SELECT search_fts.rowid FROM search_fts JOIN search_searchdocument AS document"
    " ON document.id = search_fts.rowid WHERE search_fts MATCH %s"
)


class SqliteBackend:
    def write(self, document: SearchDocument) -> None:
        document = _with_extras(document)
        SearchDocument.objects.filter(pk=document.pk).update(aliases=document.aliases, is_example=document.is_example)
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [document.pk])
            cursor.execute(
                "INSERT INTO search_fts (rowid, name, body) VALUES (%s, %s, %s)",
                [document.pk, stemmed_text(f"{document.title}\n{document.aliases}"), stemmed_text(document.body)],
            )

    def delete(self, document_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[pk] for pk in document_ids])

    def ranked_ids(self, query: str, candidates: QuerySet[SearchDocument], limit: int) -> list[int]:
        terms = [_fts_term(term) for term in query_terms(query)]
        names = [f'"{stem(word)}"' for word in stop_word_query(query)]
        if not terms and not names:
            return []
        # Stop words only: names that hold every one of them as whole words.
        match = " OR ".join(terms) if terms else "name : (" + " AND ".join(names) + ")"
        # A tier counts the terms a row matches, through one subquery per term (each runs once).
        in_matches = "search_fts.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s)"
        counted = " + ".join([in_matches] * len(terms)) or "0"
        # Only placeholders and a constant weight are formatted in; every value is a parameter.
        order = (
            f"ORDER BY ({counted}) DESC, ({counted}) DESC, document.is_example, bm25(search_fts, {NAME_WEIGHT}, 1.0)"
        )
        sql = " ".join([RANKED_FTS_ROWS, order, ", search_fts.rowid LIMIT %s"])
        params: list[str | int] = [match, *terms, *[f"name : {term}" for term in terms], max(limit * 5, 200)]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ranked = [row[0] for row in cursor.fetchall()]
        allowed = set(candidates.filter(pk__in=ranked).values_list("pk", flat=True))
        return [pk for pk in ranked if pk in allowed][:limit]


def _fts_term(term: QueryTerm) -> str:
    return f'"{term.stem}"*' if term.prefix else f'"{term.stem}"'


def backend() -> SearchBackend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
