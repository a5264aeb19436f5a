"""Rate limits read as allauth's (`5/10m/user`), count per address or per person in the shared cache, and
answer a clear 429: JSON on the API, the error page elsewhere."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from samvei.core.rate_limits import Rate, allow, parse_rates, rate_limited, refusal

pytestmark = pytest.mark.django_db


def test_rates_are_read_as_allauth_writes_them():
    assert parse_rates("5/10m/user, 20/d/user,30/1m") == [
        Rate(amount=5, seconds=600, per="user"),
        Rate(amount=20, seconds=86400, per="user"),
        Rate(amount=30, seconds=60, per="ip"),
    ]
    assert parse_rates("") == []


@pytest.mark.parametrize("text", ["5/10x", "many/1m", "5/1m/everyone"])
def test_a_mistaken_rate_fails_loudly(text):
    with pytest.raises(ValueError, match="Not a rate limit"):
        parse_rates(text)


def test_each_person_has_their_own_count(settings):
    settings.RATE_LIMITS = {"question": "2/10m/user"}

    assert [allow(action="question", user_id=1) for _ in range(3)] == [True, True, False]
    assert allow(action="question", user_id=2)


def test_an_empty_setting_turns_a_limit_off(settings):
    settings.RATE_LIMITS = {"search": ""}

    assert all(allow(action="search", ip="192.0.2.1") for _ in range(100))


@pytest.mark.parametrize(("path", "content_type"), [("/api/v1/search", "application/json"), ("/sok/", "text/html")])
def test_a_limited_view_answers_429_with_the_reason(settings, path, content_type):
    settings.RATE_LIMITS = {"search": "1/1m/ip"}
    view = rate_limited("search")(lambda request: HttpResponse("ok"))
    request = RequestFactory().get(path)
    request.user = AnonymousUser()

    assert view(request).status_code == 200
    refused = view(request)

    assert refused.status_code == 429
    assert refused["Content-Type"].startswith(content_type)
    assert refused["Retry-After"] == "60"
    if content_type == "application/json":
        assert json.loads(refused.content) == {"detail": refusal("search")}
    else:
        assert refusal("search") in refused.content.decode()
