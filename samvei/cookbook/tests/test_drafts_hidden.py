"""A draft, or a post marked published without a publication time, is nowhere public: not in search, not on
its list page, not in the API, not in the feed, and its own page is a 404."""

import pytest
from django.urls import reverse

from samvei.cookbook.tests.factories import (
    BlogPostFactory,
    CaseFactory,
    FundingSchemeFactory,
    MythFactory,
    RecipeFactory,
)
from samvei.search.selectors import search
from samvei.search.services import rebuild_index

pytestmark = pytest.mark.django_db

WORD = "Skjultord"  # one word no other content holds

# kind: (factory, the text field that carries WORD, list page, API list or None)
KINDS = {
    "recipe": (RecipeFactory, "title_nb", "cookbook:index", "/api/v1/recipes"),
    "myth": (MythFactory, "claim_nb", "cookbook:myths", "/api/v1/myths"),
    "case": (CaseFactory, "title_nb", "cookbook:cases", "/api/v1/cases"),
    "funding": (FundingSchemeFactory, "name", "cookbook:funding", "/api/v1/funding"),
    "post": (BlogPostFactory, "title_nb", "cookbook:posts", None),
}


def _hidden_and_shown(kind, **hidden):
    factory, field, _page, _api = KINDS[kind]
    shown = factory(**{field: f"{WORD} synlig"})
    hidden_one = factory(**{field: f"{WORD} skjult", **hidden})
    rebuild_index()
    return shown, hidden_one


def _everywhere(client, kind):
    """The texts of every public place the kind shows up in."""
    _factory, _field, page, api = KINDS[kind]
    places = {
        "search": " ".join(hit.title for hit in search(query=WORD).hits),
        "list": client.get(reverse(page)).text,
    }
    if api:
        places["api"] = client.get(api).text
    if kind == "post":
        places["feed"] = client.get(reverse("cookbook:posts-feed")).text
    return places


@pytest.mark.parametrize("kind", list(KINDS))
def test_a_draft_is_absent_from_search_its_list_the_api_and_the_feed(client, kind):
    _hidden_and_shown(kind, status="draft")

    for place, text in _everywhere(client, kind).items():
        assert f"{WORD} synlig" in text, place
        assert f"{WORD} skjult" not in text, place


def test_a_post_marked_published_without_a_publication_time_is_absent_everywhere(client):
    _shown, hidden = _hidden_and_shown("post", published_at=None)

    for place, text in _everywhere(client, "post").items():
        assert f"{WORD} synlig" in text, place
        assert f"{WORD} skjult" not in text, place
    assert client.get(hidden.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("kind", ["recipe", "case", "funding", "post"])
def test_the_page_of_a_draft_is_not_found(client, kind):
    _shown, hidden = _hidden_and_shown(kind, status="draft")

    assert client.get(hidden.get_absolute_url()).status_code == 404
