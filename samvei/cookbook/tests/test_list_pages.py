"""The cookbook's lists share one shape (count heading, cards, page links) and any `?page=` answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samvei.cookbook.tests.factories import BlogPostFactory, CaseFactory, FundingSchemeFactory

pytestmark = pytest.mark.django_db

LISTS = {"cookbook:cases": CaseFactory, "cookbook:funding": FundingSchemeFactory, "cookbook:posts": BlogPostFactory}


@pytest.mark.parametrize("name", list(LISTS))
def test_a_long_list_is_cut_into_pages_of_twenty(client, name):
    LISTS[name].create_batch(25)

    first = client.get(reverse(name))
    second = client.get(reverse(name), {"page": "2"})

    assert len(first.context["page"].object_list) == 20
    assert 'rel="next"' in first.text
    assert 'rel="prev"' not in first.text
    assert len(second.context["page"].object_list) == 5
    assert 'rel="prev"' in second.text
    assert 'id="results-count"' in first.text


@pytest.mark.parametrize("name", list(LISTS))
@pytest.mark.parametrize(("raw", "number"), [("abc", 1), ("-1", 1), ("0", 1), ("99999", 2), ("9" * 40, 2)])
def test_a_bad_page_number_gives_the_first_or_the_last_page(client, name, raw, number):
    LISTS[name].create_batch(25)

    response = client.get(reverse(name), {"page": raw})

    assert response.status_code == 200
    assert response.context["page"].number == number


def test_the_page_links_keep_the_filter(client):
    CaseFactory.create_batch(25, summary_nb="Om eldre")

    page = client.get(reverse("cookbook:cases"), {"q": "eldre"}).text

    assert 'href="?q=eldre&amp;page=2"' in page


def test_the_case_list_costs_the_same_queries_for_five_cases_as_for_twenty(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("cookbook:cases"))
        return len(captured)

    CaseFactory.create_batch(5)
    few = queries()
    CaseFactory.create_batch(15)

    assert queries() == few
