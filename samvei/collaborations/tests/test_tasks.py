"""The daily reminder runs on the real queue: both parties' members hear 60 days before a pilot ends, once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samvei.collaborations.models import CollaborationEvent
from samvei.collaborations.tasks import send_pilot_end_reminders
from samvei.core.periodic import registered_periodic_tasks

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
TODAY = timezone.localdate()

pytestmark = pytest.mark.django_db(transaction=True)


def _pilot(collaboration, *, days):
    collaboration.pilot_ends_on = TODAY + datetime.timedelta(days=days)
    collaboration.save()
    return collaboration


def _run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=None)


@override_settings(TASKS=DATABASE_QUEUE)
def test_both_parties_are_reminded_once_sixty_days_before_the_pilot_ends(collaboration, body_member, partner_member):
    _pilot(collaboration, days=60)
    send_pilot_end_reminders.enqueue(repeat=False)
    send_pilot_end_reminders.enqueue(repeat=False)

    _run_worker()

    assert sorted(address for message in mail.outbox for address in message.to) == sorted(
        [body_member.email, partner_member.email]
    )
    assert collaboration.get_absolute_url() in mail.outbox[0].body
    assert CollaborationEvent.objects.filter(collaboration=collaboration, kind="pilot_end_reminder_sent").count() == 1


@override_settings(TASKS=DATABASE_QUEUE)
@pytest.mark.parametrize("days", [61, -1])
def test_no_reminder_before_the_notice_or_after_the_end(collaboration, body_member, days):
    _pilot(collaboration, days=days)
    send_pilot_end_reminders.enqueue(repeat=False)

    _run_worker()

    assert mail.outbox == []
    assert not CollaborationEvent.objects.exists()


@override_settings(TASKS=DATABASE_QUEUE)
def test_an_ended_collaboration_is_not_reminded(collaboration, body_member):
    _pilot(collaboration, days=30)
    collaboration.stage = "ended"
    collaboration.save()
    send_pilot_end_reminders.enqueue(repeat=False)

    _run_worker()

    assert mail.outbox == []


@override_settings(TASKS=DATABASE_QUEUE)
def test_a_moved_pilot_end_is_reminded_again(collaboration, body_member):
    _pilot(collaboration, days=50)
    send_pilot_end_reminders.call(repeat=False)
    _pilot(collaboration, days=55)

    send_pilot_end_reminders.call(repeat=False)

    assert len(mail.outbox) == 2


@override_settings(TASKS=DATABASE_QUEUE)
def test_the_daily_task_schedules_itself_again():
    send_pilot_end_reminders.enqueue(repeat=True)

    _run_worker()

    again = DBTaskResult.objects.get(status="READY", task_path=send_pilot_end_reminders.module_path)
    assert again.run_after > timezone.now() + datetime.timedelta(hours=23)


def test_the_reminder_is_registered_as_periodic():
    assert send_pilot_end_reminders in registered_periodic_tasks()
