"""Keeping the background queue alive: `manage.py run_worker` restarts a dead `db_worker` with back-off, hands
the tasks a dead worker left «running» back to the queue, and retries failed tasks a limited number of times.

A task's claims are counted by its `worker_ids` (each worker that picked it up adds its id), so the attempt
count needs no column of its own."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .periodic import registered_periodic_tasks

MAX_ATTEMPTS = 3
# A task still «running» this long after it started has no live worker: nothing we queue runs for an hour.
STALE_AFTER = timedelta(hours=1)
RETRY_WINDOW = timedelta(days=1)
ABANDONED = "samvei.core.worker.Abandoned"


def retry_delay(attempts: int) -> timedelta:
    """1, 4, 16 … minutes: an outage of the mail server or the database has time to pass."""
    return timedelta(minutes=4 ** max(attempts - 1, 0))


def recover_abandoned(*, dead_worker_ids: list[str] | None = None) -> int:
    """Tasks left «running» by a worker that died go back to the queue, or fail once they used every attempt.
    `dead_worker_ids` names workers known to be gone; any task running longer than STALE_AFTER counts too.
    Few tasks run at once, so they are judged in Python (SQLite has no JSON containment lookup)."""
    dead = set(dead_worker_ids or [])
    recovered = 0
    for result in DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING):
        if not (dead & set(result.worker_ids[-1:]) or _is_stale(result)):
            continue
        if len(result.worker_ids) >= MAX_ATTEMPTS:
            _give_up(result, reason="The worker running this task stopped, and every attempt is used.")
        else:
            _requeue(result)
        recovered += 1
    return recovered


def retry_failed() -> int:
    """Failed tasks run again after a growing delay, up to MAX_ATTEMPTS. Periodic tasks are left alone: each
    run already schedules the next."""
    periodic = [task.module_path for task in registered_periodic_tasks()]
    candidates = DBTaskResult.objects.filter(
        status=TaskResultStatus.FAILED, finished_at__gte=timezone.now() - RETRY_WINDOW
    ).exclude(Q(task_path__in=periodic) | Q(exception_class_path=ABANDONED))
    retried = 0
    for result in candidates:
        if len(result.worker_ids) < MAX_ATTEMPTS:
            _requeue(result)
            retried += 1
    return retried


def _requeue(result: DBTaskResult[Any, Any]) -> None:
    result.status = TaskResultStatus.READY
    result.run_after = timezone.now() + retry_delay(len(result.worker_ids))
    result.started_at = None
    result.finished_at = None
    result.save(update_fields=["status", "run_after", "started_at", "finished_at"])


def _give_up(result: DBTaskResult[Any, Any], *, reason: str) -> None:
    result.status = TaskResultStatus.FAILED
    result.finished_at = timezone.now()
    result.exception_class_path = ABANDONED
    result.traceback = reason
    result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])


def _is_stale(result: DBTaskResult[Any, Any]) -> bool:
    return result.started_at is not None and result.started_at < timezone.now() - STALE_AFTER
