"""The proxy library is public reference data: anyone may read it, nobody may post to it."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from samvei.impact.tests.factories import FinancialProxyFactory, PriceIndexFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def url():
    return reverse("impact:proxies")


@pytest.fixture
def indexed_proxy():
    PriceIndexFactory(year=2010, value=Decimal("80.00"))
    PriceIndexFactory(year=2024, value=Decimal("136.00"))
    return FinancialProxyFactory(key="test-indexed", value_nok=Decimal("400000"), year=2010)


def _in_kroner(value: str, year: int) -> str:
    return gettext("%(value)s kr in %(year)s kroner") % {"value": value, "year": year}


def test_the_library_lives_under_the_effects_path(url):
    assert url.endswith("/costs/") or url.endswith("/kostnader/")


def test_anonymous_can_read_the_library(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("persona", ["body_member", "outsider", "staff"])
def test_signed_in_users_can_read_the_library(client, url, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url).status_code == 200


def test_the_library_cannot_be_posted_to(client, url):
    assert client.post(url).status_code == 405


def test_the_library_shows_each_source_with_its_link(client, url):
    content = client.get(url).content.decode()
    assert "Ny rapport viser at det er milliarder å spare på å få unge i jobb" in content
    assert 'href="https://vista-analyse.no/no/nyheter/' in content


def test_the_library_says_which_years_kroner_it_shows(client, url, indexed_proxy):
    assert _in_kroner("680\xa0000", 2024) in client.get(url).content.decode()


def test_the_library_names_the_index_years_used(client, url, indexed_proxy):
    used = gettext("KPI %(base_year)s: %(base)s, KPI %(newest_year)s: %(newest)s") % {
        "base_year": 2010,
        "base": "80,00",
        "newest_year": 2024,
        "newest": "136,00",
    }
    assert used in client.get(url).content.decode()


def test_a_proxy_whose_year_has_no_index_is_shown_only_as_the_study_gave_it(client, url):
    FinancialProxyFactory(year=2012)
    note = gettext("No consumer price index is stored for %(year)s, so only the value the study gave is shown.")
    assert note % {"year": 2012} in client.get(url).content.decode()


def test_each_proxy_has_an_anchor(client, url):
    assert 'id="kostnad-marginalisert-ungdom-personar"' in client.get(url).content.decode()


def test_a_secondary_source_is_marked(client, url):
    assert gettext("Secondary source") in client.get(url).content.decode()


def test_the_library_shows_the_index_series_with_its_source(client, url):
    content = client.get(url).content.decode()
    assert "03014: Konsumprisindeks, etter konsumgruppe (2015=100)" in content
    assert 'href="https://www.ssb.no/statbank/table/03014/"' in content


def test_the_library_links_back_to_the_cookbook(client, url):
    assert f'href="{reverse("cookbook:index")}"' in client.get(url).content.decode()
