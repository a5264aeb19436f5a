"""A challenge that is not published (a draft, a withdrawn one, or one in a public status that was never
stamped as published) is nowhere public: not in search, the list, the API or the feed."""

import pytest
from django.urls import reverse

from samvei.challenges.tests.factories import ChallengeFactory
from samvei.search.selectors import search
from samvei.search.services import rebuild_index

pytestmark = pytest.mark.django_db

WORD = "Skjultbehov"


@pytest.mark.parametrize(
    "hidden", [{"status": "draft", "published_at": None}, {"status": "withdrawn"}, {"published_at": None}]
)
def test_an_unpublished_challenge_is_absent_from_search_the_list_the_api_and_the_feed(client, hidden):
    ChallengeFactory(title=f"{WORD} synlig")
    unpublished = ChallengeFactory(title=f"{WORD} skjult", **hidden)
    rebuild_index()

    places = {
        "search": " ".join(hit.title for hit in search(query=WORD).hits),
        "list": client.get(reverse("challenges:list")).text,
        "api": client.get("/api/v1/challenges").text,
        "feed": client.get(reverse("challenges:feed")).text,
    }

    for place, text in places.items():
        assert f"{WORD} synlig" in text, place
        assert f"{WORD} skjult" not in text, place
    assert client.get(f"/api/v1/challenges/{unpublished.pk}").status_code == 404
