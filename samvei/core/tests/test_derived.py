"""Derived data is refreshed once per transaction and kind, by every app that derives something from the rows."""

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks import default_task_backend

from samvei.challenges.models import Challenge
from samvei.challenges.services import challenge_create, challenge_transition
from samvei.core.derived import refresh_in_process, refresh_later
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import OrganisationFactory
from samvei.search.models import SearchDocument
from samvei.taxonomy.models import WelfareArea

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queued():
    """The tasks enqueued during the test, kept by Django's dummy task backend instead of run."""
    with override_settings(TASKS=DUMMY_TASKS):
        default_task_backend.clear()
        yield default_task_backend.results
        default_task_backend.clear()


REFRESHERS = {"index_objects", "refresh_match_profiles"}


def _queued(results) -> list[tuple[str, dict]]:
    """The refresh tasks among those queued (publishing also queues e-mail alerts), in a stable order: two tasks
    of one name are ordered by their arguments, so an unexpected extra task fails the comparison, not the sort."""
    refreshes = [(result.task.name, result.kwargs) for result in results if result.task.name in REFRESHERS]
    return sorted(refreshes, key=lambda refresh: (refresh[0], repr(sorted(refresh[1].items()))))


@pytest.mark.django_db(transaction=True)
def test_a_created_and_published_challenge_queues_one_search_and_one_matching_refresh(queued):
    owner = Organisation.objects.get(municipality__number="1103")
    with transaction.atomic():
        challenge = challenge_create(
            owner=owner, actor=None, data={"title": "Ensomhet", "description": "Få besøk.", "intent": "exploration",
                                           "welfare_areas": list(WelfareArea.objects.all()[:2])},
        )  # fmt: skip
        challenge_transition(challenge=challenge, actor=None, to_status=Challenge.Status.PUBLISHED)

    assert _queued(queued) == [
        ("index_objects", {"kind": "challenge", "object_ids": [challenge.pk]}),
        ("refresh_match_profiles", {"kind": "challenge", "object_ids": [challenge.pk]}),
    ]


@pytest.mark.django_db(transaction=True)
def test_ids_named_in_one_transaction_are_refreshed_together(queued):
    first, second = OrganisationFactory(), OrganisationFactory()
    default_task_backend.clear()
    with transaction.atomic():
        refresh_later("organisation", [first.pk])
        refresh_later("organisation", [second.pk, first.pk, None])

    assert _queued(queued) == [
        ("index_objects", {"kind": "organisation", "object_ids": sorted([first.pk, second.pk])}),
        ("refresh_match_profiles", {"kind": "organisation", "object_ids": sorted([first.pk, second.pk])}),
    ]


@pytest.mark.django_db(transaction=True)
def test_nothing_is_refreshed_when_the_transaction_rolls_back(queued):
    organisation = OrganisationFactory()
    default_task_backend.clear()

    def name_then_fail() -> None:
        with transaction.atomic():
            refresh_later("organisation", [organisation.pk])
            raise RuntimeError

    with pytest.raises(RuntimeError):
        name_then_fail()

    assert _queued(queued) == []


@pytest.mark.django_db(transaction=True)
def test_a_change_of_areas_through_the_other_side_refreshes_the_organisation(queued):
    organisation = OrganisationFactory()
    default_task_backend.clear()

    WelfareArea.objects.get(code="elderly-care").organisation_set.add(organisation)

    assert ("refresh_match_profiles", {"kind": "organisation", "object_ids": [organisation.pk]}) in _queued(queued)


@pytest.mark.django_db(transaction=True)
def test_bulk_writes_named_inside_refresh_in_process_are_searchable_when_the_block_ends(queued):
    organisation = OrganisationFactory()
    SearchDocument.objects.all().delete()
    Organisation.objects.filter(pk=organisation.pk).update(name="Frafallsloftet")  # no save(), no signal
    default_task_backend.clear()

    with refresh_in_process():
        refresh_later("organisation", [organisation.pk])

    assert _queued(queued) == []
    assert SearchDocument.objects.get(kind="organisation", object_id=organisation.pk).title == "Frafallsloftet"


@pytest.mark.django_db(transaction=True)
def test_an_unknown_kind_is_ignored(queued):
    refresh_later("no-such-kind", [1])

    assert _queued(queued) == []


@pytest.mark.django_db(transaction=True)
def test_a_model_names_every_kind_derived_from_it(queued):
    organisation = OrganisationFactory()
    default_task_backend.clear()

    refresh_later(Organisation, [organisation.pk])

    assert sorted(name for name, _ in _queued(queued)) == ["index_objects", "refresh_match_profiles"]
