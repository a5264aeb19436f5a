"""The real queue: tasks are stored in the database after commit and run by `manage.py db_worker`."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samvei.challenges import services
from samvei.challenges.models import Challenge
from samvei.challenges.tasks import close_expired_challenges, notify_pitch_received

from .factories import ChallengeFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_pitch_email_is_queued_after_commit_and_sent_by_the_worker(stavanger, enterprise, entrepreneur, owner_member):
    challenge = ChallengeFactory(owner=stavanger)
    services.pitch_submit(
        challenge=challenge, sender=enterprise, actor=entrepreneur, data={"title": "T", "summary": "S"}, uploads=[]
    )
    notification = DBTaskResult.objects.ready().get(task_path=notify_pitch_received.module_path)
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=None)

    notification.refresh_from_db()
    assert notification.status == "SUCCESSFUL"
    assert mail.outbox[-1].to == [owner_member.email]


@override_settings(TASKS=DATABASE_QUEUE)
def test_the_hourly_task_closes_expired_challenges_and_schedules_itself_again(stavanger):
    expired = ChallengeFactory(owner=stavanger, deadline=timezone.localdate() - datetime.timedelta(days=1))
    close_expired_challenges.enqueue(repeat=True)

    call_command("db_worker", "--batch", "--no-startup-delay")

    expired.refresh_from_db()
    assert expired.status == Challenge.Status.CLOSED
    again = DBTaskResult.objects.get(status="READY")
    assert again.run_after > timezone.now() + datetime.timedelta(minutes=50)


@override_settings(TASKS=DATABASE_QUEUE)
def test_scheduling_periodic_tasks_twice_queues_each_once():
    call_command("schedule_periodic_tasks")
    call_command("schedule_periodic_tasks")

    assert DBTaskResult.objects.filter(status="READY", task_path=close_expired_challenges.module_path).count() == 1
