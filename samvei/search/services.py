from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from .backends import backend
from .models import SearchDocument
from .registry import Provider, providers


def _write(provider: Provider, obj: object) -> SearchDocument:
    data = provider.document(obj)
    document, _created = SearchDocument.objects.update_or_create(
        kind=provider.kind,
        object_id=obj.pk,  # type: ignore[attr-defined]
        defaults={
            "title": data.title[:300],
            "body": data.body,
            "url": data.url,
            "welfare_areas": " ".join(data.welfare_areas),
            "counties": " ".join(data.counties),
        },
    )
    backend().write(document)
    return document


@transaction.atomic
def index_objects(*, kind: str, object_ids: list[int]) -> int:
    """Index these objects, and drop from the index those that are gone or no longer public. Returns how many
    are indexed."""
    provider = providers()[kind]
    found = provider.public().filter(pk__in=object_ids)
    indexed = set()
    for obj in found:
        _write(provider, obj)
        indexed.add(obj.pk)
    _drop(SearchDocument.objects.filter(kind=kind, object_id__in=set(object_ids) - indexed))
    return len(indexed)


def index_object(*, kind: str, object_id: int) -> bool:
    """Index one object, or drop it when it is gone or no longer public. True if indexed."""
    return index_objects(kind=kind, object_ids=[object_id]) == 1


@transaction.atomic
def rebuild_index(*, kinds: list[str] | None = None) -> dict[str, int]:
    counts = {}
    for kind, provider in providers().items():
        if kinds and kind not in kinds:
            continue
        counts[kind] = 0
        for obj in provider.public().iterator(chunk_size=500):
            _write(provider, obj)
            counts[kind] += 1
        _drop(SearchDocument.objects.filter(kind=kind).exclude(object_id__in=provider.public().values("pk")))
    return counts


def _drop(documents: QuerySet[SearchDocument]) -> None:
    backend().delete(list(documents.values_list("pk", flat=True)))
    documents.delete()
