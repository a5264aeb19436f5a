"""The weekly list runs on the real queue and reaches active staff only."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from samvei.accounts.tests.factories import UserFactory
from samvei.core.periodic import registered_periodic_tasks
from samvei.freshness.tasks import send_recheck_list
from samvei.organisations.tests.factories import ContactPointFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(TASKS=DATABASE_QUEUE)
def test_active_staff_get_the_list_with_a_link_and_others_do_not():
    ContactPointFactory(last_confirmed_on=datetime.date(2020, 1, 1))
    staff = UserFactory(is_staff=True)
    UserFactory(is_staff=True, is_active=False)
    UserFactory()
    send_recheck_list.enqueue(repeat=False)

    call_command("db_worker", "--batch", "--no-startup-delay", stdout=None)

    assert [message.to for message in mail.outbox] == [[staff.email]]
    assert "/fakta-til-kontroll/" in mail.outbox[0].body


def test_the_weekly_list_is_a_periodic_task():
    assert send_recheck_list in registered_periodic_tasks()
