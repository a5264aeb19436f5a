"""The queue outlives its worker: abandoned tasks are handed back, failed ones retried within a limit, and the
supervised worker comes back after its database connection is cut."""

import datetime
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samvei.challenges.tasks import close_expired_challenges
from samvei.core.worker import ABANDONED, MAX_ATTEMPTS, STALE_AFTER, recover_abandoned, retry_failed
from samvei.search.tasks import index_objects

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def database_queue():
    with override_settings(TASKS=DATABASE_QUEUE):
        yield


def _queued(task=index_objects, *, status="RUNNING", claims=("worker-a",), started=None, **kwargs):
    result = DBTaskResult.objects.get(id=task.enqueue(**(kwargs or {"kind": "organisation", "object_ids": []})).id)
    result.status = status
    result.worker_ids = list(claims)
    result.started_at = started or timezone.now()
    if status == "FAILED":
        result.finished_at = timezone.now()
    result.save()
    return result


def test_a_task_left_running_by_a_dead_worker_goes_back_to_the_queue_later():
    result = _queued(claims=["worker-a"])

    assert recover_abandoned(dead_worker_ids=["worker-a"]) == 1

    result.refresh_from_db()
    assert result.status == "READY"
    assert result.run_after > timezone.now()


def test_a_task_of_a_live_worker_is_left_alone():
    result = _queued(claims=["worker-b"])

    assert recover_abandoned(dead_worker_ids=["worker-a"]) == 0

    result.refresh_from_db()
    assert result.status == "RUNNING"


def test_a_task_running_far_too_long_is_handed_back_without_knowing_its_worker():
    result = _queued(claims=["worker-x"], started=timezone.now() - STALE_AFTER - datetime.timedelta(minutes=1))

    assert recover_abandoned() == 1

    result.refresh_from_db()
    assert result.status == "READY"


def test_a_task_abandoned_on_its_last_attempt_fails_for_good():
    claims = [f"worker-{n}" for n in range(MAX_ATTEMPTS)]
    result = _queued(claims=claims)

    recover_abandoned(dead_worker_ids=[claims[-1]])

    result.refresh_from_db()
    assert result.status == "FAILED"
    assert result.exception_class_path == ABANDONED
    assert retry_failed() == 0


def test_a_failed_task_is_retried_after_a_delay():
    result = _queued(status="FAILED", claims=["worker-a"])

    assert retry_failed() == 1

    result.refresh_from_db()
    assert result.status == "READY"
    assert result.run_after > timezone.now()


def test_a_task_that_failed_every_attempt_is_not_retried():
    result = _queued(status="FAILED", claims=[f"worker-{n}" for n in range(MAX_ATTEMPTS)])

    assert retry_failed() == 0

    result.refresh_from_db()
    assert result.status == "FAILED"


def test_a_failed_periodic_task_is_not_retried_because_it_schedules_itself():
    _queued(close_expired_challenges, status="FAILED", claims=["worker-a"], repeat=True)

    assert retry_failed() == 0


def _wait_for(condition, *, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="cuts connections with pg_terminate_backend"
)
def test_the_supervised_worker_survives_a_cut_database_connection_and_resumes_the_queue(tmp_path):
    """Runs `manage.py run_worker` against this test database, cuts every other connection to it the way a
    database restart would, and checks that a task queued afterwards still runs."""
    database = connection.settings_dict
    url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    log = (tmp_path / "worker.log").open("wb")
    manage = Path(settings.BASE_DIR) / "manage.py"
    supervisor = subprocess.Popen(
        [sys.executable, str(manage), "run_worker", "--interval", "0.2"], env=env, stdout=log, stderr=log
    )
    try:
        first = index_objects.enqueue(kind="organisation", object_ids=[])
        assert _wait_for(lambda: DBTaskResult.objects.get(id=first.id).status == "SUCCESSFUL", seconds=30)

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        second = index_objects.enqueue(kind="organisation", object_ids=[])

        assert _wait_for(lambda: DBTaskResult.objects.get(id=second.id).status == "SUCCESSFUL", seconds=60), (
            tmp_path / "worker.log"
        ).read_text()
        assert supervisor.poll() is None
    finally:
        supervisor.send_signal(signal.SIGTERM)
        supervisor.wait(timeout=30)
        log.close()
