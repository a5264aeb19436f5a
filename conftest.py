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
def empty_cache(request):
    """Rate limits live in the cache (the database's, without Redis); each test starts with none used. Tests
    without database access clear only the caches that do not need it."""
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    uses_database = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )
    if uses_database:
        request.getfixturevalue("_django_db_helper")
    for cache in caches.all():
        if uses_database or not isinstance(cache, DatabaseCache):
            cache.clear()
    yield
    # The next test starts clean; the database cache is not touched here, as a test may leave its transaction
    # unusable (after an expected IntegrityError).
    for cache in caches.all():
        if not isinstance(cache, DatabaseCache):
            cache.clear()


@pytest.fixture(autouse=True)
def no_pending_refreshes():
    """Most tests run in a transaction that is rolled back, so the refreshes they named never flush; without
    this, the next test that commits would flush them too (samvei/core/derived.py collects per thread)."""
    from samvei.core import derived

    derived._state.pending.clear()
    yield
    derived._state.pending.clear()
