"""Moving a proxy to the newest indexed year's kroner: value × index(newest) ÷ index(price year)."""

from decimal import Decimal

import pytest

from samvei.impact.selectors.proxies import Kroner, in_newest_kroner, proxy_in_newest_kroner, proxy_rows
from samvei.impact.tests.factories import FinancialProxyFactory, PriceIndexFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    """A worked example with two index years besides the stored 2015 = 100."""
    PriceIndexFactory(year=2010, value=Decimal("80.00"))
    PriceIndexFactory(year=2024, value=Decimal("136.00"))


def test_a_value_is_moved_by_the_ratio_of_the_two_indices(series):
    # 400 000 kr in 2010 kroner × 136 ÷ 80 = 680 000 kr in 2024 kroner.
    assert in_newest_kroner(value=Decimal("400000"), year=2010) == Kroner(value=Decimal("680000"), year=2024)


def test_a_value_from_the_newest_year_stays_as_it_is(series):
    assert in_newest_kroner(value=Decimal("1000"), year=2024) == Kroner(value=Decimal("1000"), year=2024)


def test_the_moved_value_is_rounded_half_up_to_whole_kroner(series):
    # 5 kr × 136 ÷ 80 = 8,5 kr → 9 kr.
    assert in_newest_kroner(value=Decimal("5"), year=2010) == Kroner(value=Decimal("9"), year=2024)


def test_a_year_without_an_index_gives_no_value(series):
    assert in_newest_kroner(value=Decimal("400000"), year=2012) is None


def test_a_proxy_is_moved_from_its_price_year(series):
    proxy = FinancialProxyFactory(value_nok=Decimal("400000"), year=2010)
    assert proxy_in_newest_kroner(proxy=proxy) == Kroner(value=Decimal("680000"), year=2024)


def test_a_library_row_names_both_indices_used(series):
    proxy = FinancialProxyFactory(value_nok=Decimal("400000"), year=2010)
    row = next(row for row in proxy_rows() if row.proxy == proxy)
    assert (row.base_index.year, row.newest_index.year, row.kroner.value) == (2010, 2024, Decimal("680000"))


def test_a_library_row_for_a_year_without_an_index_has_no_indexed_value(series):
    proxy = FinancialProxyFactory(year=2012)
    row = next(row for row in proxy_rows() if row.proxy == proxy)
    assert row.kroner is None
    assert row.base_index is None


def test_a_proxy_from_a_secondary_source_is_marked_so():
    row = next(row for row in proxy_rows() if row.proxy.key == "barnevern-omsorgstiltak")
    assert row.secondary


def test_a_proxy_from_a_study_is_not_marked_secondary():
    row = next(row for row in proxy_rows() if row.proxy.key == "marginalisert-ungdom-personar")
    assert not row.secondary
