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
def index_object(*, kind: str, object_id: int) -> bool:
    """Index one object, or drop it from the index when it is gone or no longer public. True if indexed."""
    provider = providers()[kind]
    obj = provider.public().filter(pk=object_id).first()
    if obj is None:
        _drop(SearchDocument.objects.filter(kind=kind, object_id=object_id))
        return False
    _write(provider, obj)
    return True


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
