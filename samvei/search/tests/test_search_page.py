"""The search page shows its hits in the shared result list, examples tagged like on every other list."""

import pytest
from django.urls import reverse

from samvei.organisations.tests.factories import OrganisationFactory
from samvei.search.services import index_object

pytestmark = pytest.mark.django_db

TAG = 'class="ds-tag" data-color="warning">Eksempel</span>'


def _indexed(**fields):
    organisation = OrganisationFactory(**fields)
    index_object(kind="organisation", object_id=organisation.pk)
    return organisation


def test_hits_sit_under_the_count_heading_and_examples_are_tagged(client):
    _indexed(name="Turvenner Eksempel AS", description="Turgrupper i skogen.", is_example=True)

    page = client.get(reverse("search:search"), {"q": "turgrupper"}).text

    assert page.index('id="results-count"') < page.index("Turvenner Eksempel AS")
    assert TAG in page


def test_a_search_without_hits_says_so_under_the_count(client):
    page = client.get(reverse("search:search"), {"q": "zzyzx"}).text

    assert 'id="results-count"' in page
    assert "card-list" not in page
