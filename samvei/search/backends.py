"""Two ways to find documents, one interface: PostgreSQL full-text search with the `norwegian` configuration
(weighted title and body, GIN index, trigram similarity when a word is misspelt), and SQLite FTS5 over
Snowball-stemmed text with BM25 ranking."""

from __future__ import annotations

from typing import Protocol

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector, TrigramSimilarity
from django.db import connection
from django.db.models import F, QuerySet

from .models import SearchDocument
from .text import query_stems, query_words, stemmed_text

TRIGRAM_THRESHOLD = 0.3


class SearchBackend(Protocol):
    def write(self, document: SearchDocument) -> None: ...

    def delete(self, document_ids: list[int]) -> None: ...

    def ranked_ids(self, query: str, candidates: QuerySet[SearchDocument], limit: int) -> list[int]: ...


class PostgresBackend:
    def write(self, document: SearchDocument) -> None:
        vector = SearchVector("title", weight="A", config="norwegian") + SearchVector(
            "body", weight="B", config="norwegian"
        )
        SearchDocument.objects.filter(pk=document.pk).update(vector=vector)

    def delete(self, document_ids: list[int]) -> None:
        """The vector lives in the document row, so deleting the row is enough."""

    def ranked_ids(self, query: str, candidates: QuerySet[SearchDocument], limit: int) -> list[int]:
        terms = query_words(query)
        if not terms:
            return []
        # Words match as prefixes of stems, like the SQLite backend («demens» finds «demensomsorg»): all of them
        # if any document has all, otherwise any of them. When `limit` documents match in their titles, the
        # best of those are the answer: ranking every body match of a word that most documents contain
        # («kommune») would cost more than the rest of the search, and a title match outranks a body match.
        titled = candidates.annotate(title_vector=SearchVector("title", config="norwegian"))
        for operator in (" & ", " | "):
            search = SearchQuery(operator.join(f"{term}:*" for term in terms), config="norwegian", search_type="raw")
            found = _best(titled.filter(title_vector=search), search, limit)
            if len(found) < limit:
                found = _best(candidates.filter(vector=search), search, limit)
            if found:
                return found
        return _similar_titles(candidates, " ".join(terms), limit)


def _best(matching: QuerySet[SearchDocument], search: SearchQuery, limit: int) -> list[int]:
    return list(
        matching.annotate(rank=SearchRank(F("vector"), search))
        .order_by("-rank", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def _similar_titles(candidates: QuerySet[SearchDocument], text: str, limit: int) -> list[int]:
    """For a short query that matches no word: titles that look like it (a misspelt name)."""
    if len(text) > 40:
        return []
    return list(
        candidates.annotate(similarity=TrigramSimilarity("title", text))
        .filter(similarity__gt=TRIGRAM_THRESHOLD)
        .order_by("-similarity", "pk")
        .values_list("pk", flat=True)[:limit]
    )


class SqliteBackend:
    def write(self, document: SearchDocument) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [document.pk])
            cursor.execute("INSERT INTO search_fts (rowid, stemmed) VALUES (%s, %s)", [document.pk, _stemmed(document)])

    def delete(self, document_ids: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[pk] for pk in document_ids])

    def ranked_ids(self, query: str, candidates: QuerySet[SearchDocument], limit: int) -> list[int]:
        stems = query_stems(query)
        if not stems:
            return []
        ranked: list[int] = []
        for operator in (" AND ", " OR "):
            match = operator.join(f'"{stem}"*' for stem in stems)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY bm25(search_fts) LIMIT %s",
                    [match, max(limit * 5, 200)],
                )
                ranked = [row[0] for row in cursor.fetchall()]
            if ranked:
                break
        allowed = set(candidates.filter(pk__in=ranked).values_list("pk", flat=True))
        return [pk for pk in ranked if pk in allowed][:limit]


def _stemmed(document: SearchDocument) -> str:
    """What FTS5 indexes: Snowball stems, the title counted twice."""
    return stemmed_text(f"{document.title}\n{document.title}\n{document.body}")


def backend() -> SearchBackend:
    return PostgresBackend() if connection.vendor == "postgresql" else SqliteBackend()
