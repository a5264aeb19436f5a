"""The collaboration page in bokmål shows its history in Norwegian, not the raw event kind."""

import re

import pytest
from django.utils import translation

from .factories import CollaborationEventFactory

pytestmark = pytest.mark.django_db


def history(text: str) -> str:
    return re.search(r"<ol class=\"ds-list\" id=\"timeline\">(.*?)</ol>", text, re.DOTALL).group(1)


def test_the_history_names_the_start_in_norwegian(client, collaboration, body_member):
    CollaborationEventFactory(collaboration=collaboration, kind="started", actor=body_member)
    client.force_login(body_member)

    response = client.get(collaboration.get_absolute_url())

    assert response.status_code == 200
    assert "started" not in history(response.text)
    assert "Samarbeidet startet" in history(response.text)


def test_the_history_names_the_start_in_english(english_client, collaboration, partner_member):
    CollaborationEventFactory(collaboration=collaboration, kind="started")
    english_client.force_login(partner_member)
    with translation.override("en"):
        url = collaboration.get_absolute_url()

    response = english_client.get(url)

    assert "The collaboration started" in history(response.text)
