"""Tasks that repeat: each run schedules the next one, so the worker is the only clock needed. Apps register
them in AppConfig.ready; `manage.py schedule_periodic_tasks` (run by `make run` and `make serve`) queues each
one unless it is already waiting."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from django.utils import timezone
from django_tasks.base import Task

_periodic: list[Task[Any, Any]] = []


def register_periodic_task(task: Task[Any, Any]) -> None:
    if task not in _periodic:
        _periodic.append(task)


def registered_periodic_tasks() -> list[Task[Any, Any]]:
    return list(_periodic)


def run_again(task: Task[Any, Any], *, after: timedelta) -> None:
    task.using(run_after=timezone.now() + after).enqueue(repeat=True)


@contextmanager
def then_run_again(task: Task[Any, Any], *, after: timedelta, repeat: bool) -> Iterator[None]:
    """Schedules the next run whatever becomes of this one: a run that raises must not stop the clock (deadlines
    stopped closing until someone ran `schedule_periodic_tasks` again)."""
    try:
        yield
    finally:
        if repeat:
            run_again(task, after=after)
