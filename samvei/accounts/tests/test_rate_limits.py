"""Rate limits count across processes (in the database cache when there is no Redis), per account strictly
and per address loosely, and read the visitor's address through a configured proxy."""

import os

import pytest
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.test import Client, override_settings
from django.urls import reverse

from .factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "et-godt-passord-123"


def _login(email, password, *, address="10.0.0.1", forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    client = Client(**extra)
    client.post(reverse("account_login"), {"login": email, "password": password})
    return "_auth_user_id" in client.session


@pytest.mark.skipif(bool(os.environ.get("REDIS_URL")), reason="with Redis, Redis is the shared cache")
def test_without_redis_the_counters_are_shared_through_the_database():
    assert isinstance(caches["default"], DatabaseCache)
    caches["default"].set("samvei-test", 1)
    fresh = DatabaseCache("samvei_cache", {})

    assert fresh.get("samvei-test") == 1


def test_failures_from_many_addresses_lock_the_account():
    UserFactory(email="kari@example.org")
    for n in range(5):
        _login("kari@example.org", "feil-passord", address=f"10.0.1.{n}")

    assert _login("kari@example.org", PASSWORD, address="10.0.1.99") is False


def test_failures_on_one_account_do_not_lock_out_others_at_the_same_address():
    UserFactory(email="kari@example.org")
    UserFactory(email="ola@example.org")
    for _ in range(5):
        _login("kari@example.org", "feil-passord", address="10.0.2.1")

    assert _login("ola@example.org", PASSWORD, address="10.0.2.1") is True


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_visitors_are_told_apart_by_their_forwarded_address():
    for n in range(31):
        UserFactory(email=f"bruker{n}@example.org")
    for n in range(30):
        _login(f"bruker{n}@example.org", "feil-passord", address="10.0.3.1", forwarded="192.0.2.1")

    assert _login("bruker30@example.org", PASSWORD, address="10.0.3.1", forwarded="192.0.2.2") is True
    assert _login("bruker30@example.org", PASSWORD, address="10.0.3.1", forwarded="192.0.2.1") is False
