"""Staff keep the index and the proxies in the admin; a proxy without a source, or an impossible year or
index, is refused with a message and nothing is saved."""

import pytest
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory
from samvei.core.tests.factories import SourceFactory
from samvei.impact.models import FinancialProxy, PriceIndex

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user():
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _proxy_form(**changes):
    data = {
        "key": "ny-kostnad",
        "name_nb": "Ny kostnad",
        "value_nok": "1000",
        "unit_nb": "per person",
        "year": "2020",
        "source": str(SourceFactory().pk),
        "source_date": "2020-01-01",
        "verified_on": "2026-12-03",
    }
    data.update(changes)
    return data


def _index_form(**changes):
    data = {"year": "2019", "value": "110.80", "source": str(SourceFactory().pk), "verified_on": "2026-12-03"}
    data.update(changes)
    return data


def test_a_proxy_with_a_source_is_saved(admin_client):
    admin_client.post(reverse("admin:impact_financialproxy_add"), _proxy_form())
    assert FinancialProxy.objects.filter(key="ny-kostnad").exists()


def test_a_proxy_without_a_source_is_refused_with_a_message(admin_client):
    response = admin_client.post(reverse("admin:impact_financialproxy_add"), _proxy_form(source=""))
    assert "kan ikke lagres uten kilde" in response.content.decode()
    assert not FinancialProxy.objects.filter(key="ny-kostnad").exists()


@pytest.mark.parametrize("year", ["1899", "2999"])
def test_a_proxy_with_an_impossible_price_year_is_refused(admin_client, year):
    response = admin_client.post(reverse("admin:impact_financialproxy_add"), _proxy_form(year=year))
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert not FinancialProxy.objects.filter(key="ny-kostnad").exists()


def test_a_new_index_year_is_saved(admin_client):
    admin_client.post(reverse("admin:impact_priceindex_add"), _index_form())
    assert PriceIndex.objects.filter(year=2019).exists()


@pytest.mark.parametrize("value", ["0", "-3"])
def test_an_index_of_zero_or_less_is_refused(admin_client, value):
    response = admin_client.post(reverse("admin:impact_priceindex_add"), _index_form(value=value))
    assert "errorlist" in response.content.decode()
    assert not PriceIndex.objects.filter(year=2019).exists()


def test_an_index_for_a_future_year_is_refused(admin_client):
    admin_client.post(reverse("admin:impact_priceindex_add"), _index_form(year="2999"))
    assert not PriceIndex.objects.filter(year=2999).exists()


@pytest.mark.parametrize("name", ["admin:impact_financialproxy_changelist", "admin:impact_priceindex_changelist"])
def test_staff_can_list_and_search(admin_client, name):
    assert admin_client.get(reverse(name), {"q": "2015"}).status_code == 200


def test_a_user_who_is_not_staff_cannot_open_the_admin(client, outsider):
    client.force_login(outsider)
    assert client.get(reverse("admin:impact_financialproxy_changelist")).status_code == 302
