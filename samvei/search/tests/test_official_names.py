"""A municipality or county is found by every official name, on PostgreSQL and SQLite (CI runs both)."""

import pytest

from samvei.organisations.models import Organisation
from samvei.search.selectors import search
from samvei.search.services import index_object

pytestmark = pytest.mark.django_db


def _indexed(**place):
    organisation = Organisation.objects.get(**place)
    index_object(kind="organisation", object_id=organisation.pk)
    return organisation


def _titles(query):
    return [hit.title for hit in search(query=query).hits]


def test_a_south_sami_name_finds_the_municipality():
    _indexed(municipality__number="5001")

    assert _titles("Tråante")[0] == "Trondheim kommune"


def test_a_kven_name_finds_the_municipality():
    _indexed(municipality__number="5540")

    assert _titles("Kaivuono")[0] == "Kåfjord kommune"


def test_a_lowercase_sami_name_with_diacritics_finds_the_municipality():
    _indexed(municipality__number="5610")

    assert _titles("kárášjohka")[0] == "Karasjok kommune"


def test_a_county_is_found_by_its_kven_name():
    _indexed(county__number="56")

    assert _titles("Finmarkku")[0] == "Finnmark fylkeskommune"


def test_the_search_api_finds_a_municipality_by_its_sami_name(client):
    _indexed(municipality__number="5001")

    body = client.get("/api/v1/search", {"q": "Tråante"}).json()

    assert body["items"][0]["title"] == "Trondheim kommune"
    assert body["items"][0]["url"] == "/kommuner/5001/"


def test_a_name_that_is_nobodys_finds_no_municipality():
    _indexed(municipality__number="5001")

    assert "Trondheim kommune" not in _titles("Tråantexyz")
