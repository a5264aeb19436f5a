"""The proxies in the open API: paginated like every list, with today's kroner where the index allows."""

from decimal import Decimal

import pytest

from samvei.impact.models import FinancialProxy
from samvei.impact.tests.factories import FinancialProxyFactory, PriceIndexFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/impact/proxies"


def _item(response, key):
    return next(item for item in response.json()["items"] if item["key"] == key)


def test_the_list_counts_every_proxy(client):
    response = client.get(URL, {"limit": 500})
    assert response.status_code == 200
    assert response.json()["count"] == FinancialProxy.objects.count()


def test_each_proxy_carries_its_source_and_dates(client):
    item = _item(client.get(URL, {"limit": 500}), "marginalisert-ungdom-personar")
    assert item["source"]["url"].startswith("https://vista-analyse.no/")
    assert (item["source_date"], item["verified_on"], item["verified"]) == ("2010-04-26", "2026-12-03", True)


def test_an_indexed_proxy_has_its_value_in_the_newest_years_kroner(client):
    PriceIndexFactory(year=2010, value=Decimal("80.00"))
    PriceIndexFactory(year=2024, value=Decimal("136.00"))
    FinancialProxyFactory(key="test-indexed", value_nok=Decimal("400000"), year=2010)
    item = _item(client.get(URL, {"limit": 500}), "test-indexed")
    assert (Decimal(item["value_in_newest_kroner"]), item["newest_index_year"]) == (Decimal("680000"), 2024)


def test_a_proxy_whose_year_has_no_index_has_null_values(client):
    FinancialProxyFactory(key="test-unindexed", year=2012)
    item = _item(client.get(URL, {"limit": 500}), "test-unindexed")
    assert (item["value_in_newest_kroner"], item["newest_index_year"]) == (None, None)


def test_limit_and_offset_page_through_the_list(client):
    first = client.get(URL, {"limit": 1, "offset": 0}).json()["items"]
    second = client.get(URL, {"limit": 1, "offset": 1}).json()["items"]
    assert len(first) == len(second) == 1
    assert first[0]["key"] != second[0]["key"]


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": "many"}, {"offset": -1}, {"limit": 100000}])
def test_an_invalid_page_is_refused(client, params):
    assert client.get(URL, params).status_code == 422
