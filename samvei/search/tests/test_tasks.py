import pytest

from samvei.core.periodic import registered_periodic_tasks
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import OrganisationFactory
from samvei.search.models import SearchDocument
from samvei.search.tasks import rebuild_search_index


def test_the_search_index_is_rebuilt_daily():
    assert rebuild_search_index in registered_periodic_tasks()


@pytest.mark.django_db
def test_the_daily_rebuild_indexes_a_row_changed_without_saving():
    organisation = OrganisationFactory()
    Organisation.objects.filter(pk=organisation.pk).update(name="Frafallsloftet")

    rebuild_search_index.call(repeat=False)

    assert SearchDocument.objects.get(kind="organisation", object_id=organisation.pk).title == "Frafallsloftet"
