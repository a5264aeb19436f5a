"""The directory and municipality lists use the shared result list: a count heading, the cards, the pages;
fictional examples carry the «Eksempel» tag; a bad page number still answers with a page."""

import pytest
from django.urls import reverse

from samvei.organisations.models import Organisation
from samvei.organisations.selectors import OrganisationFilters, organisation_list
from samvei.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

TAG = 'class="ds-tag" data-color="warning">Eksempel</span>'


def test_an_example_organisation_is_labelled_on_the_list(client):
    OrganisationFactory(name="Aaa Eksempel AS", is_example=True, kind="business")

    page = client.get(reverse("organisations:list"), {"kind": "business"}).text

    assert TAG in page
    assert 'id="results-count"' in page


def test_real_organisations_are_listed_before_examples():
    OrganisationFactory(name="Aaa Eksempel AS", is_example=True, kind="business")
    real = OrganisationFactory(name="Bbb Ekte AS", kind="business")

    listed = list(organisation_list(filters=OrganisationFilters(kind="business")))

    assert listed[0] == real


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "9" * 40, "2.5"])
def test_a_bad_page_number_on_the_directory_is_a_page_not_an_error(client, page):
    assert Organisation.objects.count() > 20  # every municipality is in the directory: several pages

    response = client.get(reverse("organisations:list"), {"page": page})

    assert response.status_code == 200


def test_the_municipality_list_shows_its_count_as_a_heading_above_the_table(client):
    page = client.get(reverse("municipalities:list"), {"county": "46"}).text

    assert page.index('id="results-count"') < page.index("<table")
    assert "Bergen" in page
