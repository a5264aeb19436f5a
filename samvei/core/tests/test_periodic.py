"""A periodic task schedules its next run whatever becomes of this one."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samvei.challenges import tasks as challenge_tasks
from samvei.challenges.tasks import close_expired_challenges

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _broken(*args, **kwargs):
    raise RuntimeError("the database went away")


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_periodic_run_that_raises_still_schedules_the_next_run(monkeypatch):
    monkeypatch.setattr("samvei.challenges.services.challenges_close_expired", _broken)
    close_expired_challenges.enqueue(repeat=True)

    call_command("db_worker", "--batch", "--no-startup-delay")

    assert DBTaskResult.objects.filter(status="FAILED", task_path=close_expired_challenges.module_path).count() == 1
    again = DBTaskResult.objects.get(status="READY", task_path=close_expired_challenges.module_path)
    assert again.run_after > timezone.now() + datetime.timedelta(minutes=50)


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_run_without_repeat_schedules_nothing_even_when_it_raises(monkeypatch):
    monkeypatch.setattr("samvei.challenges.services.challenges_close_expired", _broken)

    with pytest.raises(RuntimeError):
        challenge_tasks.close_expired_challenges.call(repeat=False)

    assert not DBTaskResult.objects.filter(status="READY").exists()
