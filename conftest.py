"""Fixtures shared by every app's tests."""

import os

import pytest
from django.test import Client
from django.utils import translation

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run inside one
# unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def english_client() -> Client:
    """A client whose browser asks for English; URLs still decide the language where they carry a prefix."""
    return Client(headers={"accept-language": "en"})


@pytest.fixture(autouse=True)
def default_language():
    """Each request activates its language in the test thread; start every test from bokmål so that
    `reverse()` in one test never inherits the language of the previous test's last request."""
    translation.activate("nb")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits live in the cache; each test starts with none used."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
