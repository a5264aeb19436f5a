"""Search is anonymous and costs work per request, so an address that searches too often is told to wait."""

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_searches_a_minute")]


@pytest.fixture
def two_searches_a_minute():
    with override_settings(RATE_LIMITS={"search": "2/1m/ip"}):
        yield


def test_the_search_page_answers_429_with_a_plain_message_past_the_limit(client):
    answers = [client.get(reverse("search:search"), {"q": "eldre"}) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[2]["Retry-After"]
    assert "Vent et minutt" in answers[2].text


def test_the_search_api_answers_429_in_json_past_the_limit(client):
    answers = [client.get("/api/v1/search", {"q": "eldre"}) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[2].json()["detail"]
    assert answers[2]["Retry-After"]


def test_the_limit_is_per_address(client):
    for _ in range(2):
        client.get("/api/v1/search", {"q": "eldre"}, REMOTE_ADDR="192.0.2.1")

    assert client.get("/api/v1/search", {"q": "eldre"}, REMOTE_ADDR="192.0.2.2").status_code == 200
