"""Derived data — the search index, match profiles — follows the rows it is made from.

Services and imports name the rows they changed with `refresh_later(kind, ids)`. The ids are collected per
thread until the transaction commits, then handed to every refresher registered for the kind: one task per
refresher and kind, however many rows or saves the transaction had. A thin signal (`track`) does the same for
saves that bypass the services, such as admin edits; ids it adds twice are collected once.

A command that must leave its rows ready before it exits runs inside `refresh_in_process()`: the refreshers
then run in the command's own process instead of waiting for the worker."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks.base import Task

Refresher = Task[..., Any]  # called with kind= and object_ids=

_refreshers: dict[str, list[Refresher]] = defaultdict(list)
_kinds_of: dict[type[models.Model], set[str]] = defaultdict(set)


class _State(threading.local):
    def __init__(self) -> None:
        self.pending: defaultdict[str, set[int]] = defaultdict(set)
        self.in_process = 0


_state = _State()


def register_refresher(kind: str, refresher: Refresher) -> None:
    """`refresher` is a task called as `refresher(kind=kind, object_ids=[...])`; it must accept ids of rows that
    are gone or no longer public (it drops what they derived)."""
    if refresher not in _refreshers[kind]:
        _refreshers[kind].append(refresher)


def refresh_later(kind: str | type[models.Model], ids: Iterable[int | None]) -> None:
    """Refresh what is derived from these rows once the current transaction commits (at once outside one).
    `kind` is a kind, or a model: then every kind tracked for the model."""
    wanted = {pk for pk in ids if pk is not None}
    kinds = [kind] if isinstance(kind, str) else sorted(_kinds_of.get(kind, ()))
    for name in kinds:
        if wanted and _refreshers.get(name):
            _state.pending[name] |= wanted
            transaction.on_commit(_flush)


def _flush() -> None:
    """Runs after commit; the first flush of a transaction takes everything, later ones find nothing."""
    pending = dict(_state.pending)
    _state.pending.clear()
    for kind, ids in pending.items():
        for refresher in _refreshers[kind]:
            if _state.in_process:
                refresher.call(kind=kind, object_ids=sorted(ids))
            else:
                refresher.enqueue(kind=kind, object_ids=sorted(ids))


@contextmanager
def refresh_in_process() -> Iterator[None]:
    """Refreshers called inside this block run here and now, after each commit, not in the worker."""
    _state.in_process += 1
    try:
        yield
    finally:
        _state.in_process -= 1


def _saved_or_deleted(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    for kind in _kinds_of[sender]:
        refresh_later(kind, [instance.pk])


def _relation_changed(sender: type[models.Model], instance: models.Model, action: str, **kwargs: Any) -> None:
    if not action.startswith("post_"):
        return
    if kwargs.get("reverse"):
        model, ids = kwargs["model"], kwargs.get("pk_set") or ()
        for kind in _kinds_of.get(model, ()):
            refresh_later(kind, ids)
    else:
        for kind in _kinds_of.get(type(instance), ()):
            refresh_later(kind, [instance.pk])


def track(model: type[models.Model], kind: str, *, relations: Iterable[str] = ()) -> None:
    """The safety net: every save or delete of `model`, and every change of the named many-to-many relations,
    refreshes `kind` for that row."""
    _kinds_of[model].add(kind)
    label = model._meta.label_lower
    post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=f"derived-save-{label}")
    post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=f"derived-delete-{label}")
    for relation in relations:
        through = getattr(model, relation).through
        m2m_changed.connect(_relation_changed, sender=through, dispatch_uid=f"derived-{label}-{relation}")
