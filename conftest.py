"""Fixtures shared by every app's tests."""

import os

import pytest
from django.test import Client

# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run inside one
# unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def english_client() -> Client:
    """A client whose browser asks for English; URLs still decide the language where they carry a prefix."""
    return Client(headers={"accept-language": "en"})
