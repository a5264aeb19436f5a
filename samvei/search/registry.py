"""What can be searched. Each kind names its model, which objects are public, and how one becomes a document;
a new content type plugs in with one `Provider` entry in `providers.py`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
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


def connect() -> None:
    """Every searchable kind is refreshed through `core.derived`: services name the rows they change, and a
    save that bypasses them (the admin) is caught by the safety-net signal. A document may read any of its
    model's many-to-many relations, so a change to any of them refreshes it."""
    from samvei.core.derived import register_refresher, track

    from .tasks import index_objects

    for provider in providers().values():
        relations = [field.name for field in provider.model._meta.many_to_many]
        track(provider.model, provider.kind, relations=relations)
        register_refresher(provider.kind, index_objects)
