"""Search results beyond the first twenty are reached by page links, keeping the query."""

import pytest
from django.urls import reverse

from samvei.organisations.tests.factories import OrganisationFactory
from samvei.search import selectors
from samvei.search.services import index_object

pytestmark = pytest.mark.django_db


@pytest.fixture
def twenty_five_hits(db):
    for n in range(25):
        organisation = OrganisationFactory(name=f"Skogstur {n:02d} AS", description="Turgrupper i skogen.")
        index_object(kind="organisation", object_id=organisation.pk)


def test_the_second_page_shows_the_hits_after_the_first_twenty(client, twenty_five_hits):
    first = client.get(reverse("search:search"), {"q": "turgrupper"})
    second = client.get(reverse("search:search"), {"q": "turgrupper", "page": "2"})

    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 5
    assert not {hit.title for hit in first.context["page"]} & {hit.title for hit in second.context["page"]}


def test_the_page_links_keep_the_query(client, twenty_five_hits):
    page = client.get(reverse("search:search"), {"q": "turgrupper"}).text

    assert 'href="?q=turgrupper&amp;page=2"' in page


@pytest.mark.parametrize(("number", "shown"), [("abc", 1), ("-1", 1), ("²", 1), ("9" * 40, 2)])
def test_a_bad_page_number_shows_the_first_or_last_page_not_an_error(client, twenty_five_hits, number, shown):
    response = client.get(reverse("search:search"), {"q": "turgrupper", "page": number})

    assert response.status_code == 200
    assert response.context["page"].number == shown


def test_snippets_are_made_only_for_the_hits_on_the_page_shown(client, twenty_five_hits, monkeypatch):
    made = []
    original = selectors.snippet
    monkeypatch.setattr(selectors, "snippet", lambda text, stems: made.append(text) or original(text, stems))

    page = client.get(reverse("search:search"), {"q": "turgrupper", "page": "2"}).text

    assert len(made) == 5
    assert "<mark>turgrupper</mark>" in page.casefold()
