"""Any `?page=` gives a page of results: nonsense and numbers below one give the first page, numbers past the
end the last."""

import pytest
from django.test import RequestFactory

from samvei.core.view_helpers import page_of, query_without_page

ITEMS = list(range(45))  # three pages of 20


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("", 1),
        ("1", 1),
        ("2", 2),
        ("3", 3),
        ("abc", 1),
        ("-1", 1),
        ("0", 1),
        ("2.0", 1),
        ("1e3", 1),
        ("²", 1),
        ("٣", 1),
        (" 2", 1),
        ("99999", 3),
        ("9" * 40, 3),
    ],
)
def test_a_page_number_gives_a_page_that_exists(raw, number):
    request = RequestFactory().get("/", {"page": raw})

    page = page_of(ITEMS, request)

    assert page.number == number
    assert list(page.object_list) == ITEMS[(number - 1) * 20 : number * 20]


def test_an_empty_list_still_has_its_first_page():
    page = page_of([], RequestFactory().get("/", {"page": "7"}))

    assert page.number == 1
    assert list(page.object_list) == []


def test_the_page_links_keep_the_other_filters():
    request = RequestFactory().get("/", {"q": "eldre omsorg", "page": "2", "county": "11"})

    assert query_without_page(request) == "q=eldre+omsorg&county=11"
