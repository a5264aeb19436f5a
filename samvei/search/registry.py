"""What can be searched. Each kind names its model, which objects are public, and how one becomes a document;
a new content type plugs in with one `Provider` entry in `providers.py`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.functional import Promise


@dataclass(frozen=True)
class DocumentData:
    title: str
    body: str
    url: str
    welfare_areas: Iterable[str] = ()
    counties: Iterable[str] = ()


@dataclass(frozen=True)
class Provider:
    kind: str
    label: str | Promise
    model: type[models.Model]
    public: Callable[[], models.QuerySet[Any]]
    document: Callable[[Any], DocumentData]


_providers: dict[str, Provider] = {}


def register(provider: Provider) -> None:
    _providers[provider.kind] = provider


def providers() -> dict[str, Provider]:
    from . import providers as _defined  # noqa: F401 - registers the providers on first use

    return dict(_providers)


def _reindex_later(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    for provider in providers().values():
        if isinstance(instance, provider.model):
            from .tasks import index_object

            transaction.on_commit(partial(index_object.enqueue, kind=provider.kind, object_id=instance.pk))


def connect_signals() -> None:
    """Keep the index current: every save or delete of a searchable object re-indexes it after commit."""
    for provider in providers().values():
        post_save.connect(_reindex_later, sender=provider.model, dispatch_uid=f"search-save-{provider.kind}")
        post_delete.connect(_reindex_later, sender=provider.model, dispatch_uid=f"search-delete-{provider.kind}")
