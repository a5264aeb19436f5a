"""The daily refresh of every match profile, through the real database queue and worker."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from samvei.matching.models import MatchProfile
from samvei.matching.services import digest, profiles_refresh
from samvei.matching.tasks import refresh_all_match_profiles
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import OrganisationFactory

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(TASKS=DATABASE_QUEUE)
def test_the_daily_task_brings_a_profile_changed_without_a_save_up_to_date_and_schedules_itself_again():
    organisation = OrganisationFactory(name="Turvenn AS", description="Turer for eldre.")
    profiles_refresh(kind="organisation", object_ids=[organisation.pk])
    Organisation.objects.filter(pk=organisation.pk).update(description="Leksehjelp for barn.")
    DBTaskResult.objects.all().delete()
    refresh_all_match_profiles.enqueue(repeat=True)

    call_command("db_worker", "--batch", "--no-startup-delay")

    profile = MatchProfile.objects.get(kind="organisation", object_id=organisation.pk)
    assert profile.text_hash == digest("Turvenn AS\nLeksehjelp for barn.")
    assert "children" in profile.target_groups.split()
    again = DBTaskResult.objects.get(status="READY", task_path=refresh_all_match_profiles.module_path)
    assert again.run_after > timezone.now() + datetime.timedelta(hours=23)
