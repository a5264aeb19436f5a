from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.utils.safestring import SafeString

from .backends import backend
from .models import SearchDocument
from .registry import providers
from .text import query_stems, snippet

MAX_RESULTS = 200


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    url: str
    body: str
    stems: tuple[str, ...]
    is_example: bool = False

    @cached_property
    def snippet(self) -> SafeString:
        """Made when shown: a page shows 20 of up to MAX_RESULTS hits."""
        return snippet(self.body, list(self.stems))


@dataclass
class SearchResult:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    welfare_areas: Counter[str] = field(default_factory=Counter)
    counties: Counter[str] = field(default_factory=Counter)


def search(
    *,
    query: str,
    kind: str | None = None,
    welfare_area: str | None = None,
    county: str | None = None,
    limit: int = 20,
) -> SearchResult:
    """The best `limit` hits for the query with snippets, the total, and facets counted before the facet
    filters narrow the hits."""
    stems = query_stems(query)
    if not stems:
        return SearchResult()
    ids = backend().ranked_ids(query, SearchDocument.objects.all(), MAX_RESULTS)
    documents = SearchDocument.objects.defer("vector").in_bulk(ids)
    ranked = [documents[pk] for pk in ids if pk in documents]
    result = SearchResult()
    for document in ranked:
        result.kinds[document.kind] += 1
        result.welfare_areas.update(document.welfare_areas.split())
        result.counties.update(document.counties.split())
    known = providers()
    for document in ranked:
        if kind and document.kind != kind:
            continue
        if welfare_area and welfare_area not in document.welfare_areas.split():
            continue
        if county and county not in document.counties.split():
            continue
        if document.kind not in known:
            continue
        result.total += 1
        if len(result.hits) < limit:
            result.hits.append(
                Hit(
                    kind=document.kind,
                    title=document.title,
                    url=document.url,
                    body=document.body,
                    stems=tuple(stems),
                    is_example=document.is_example,
                )
            )
    return result
