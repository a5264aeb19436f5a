"""The content review's language tables (§2) and site texts (§F1–F4) stay fixed: the «claim» feature asks for
access instead of staking a legal claim, the interface reads the same everywhere, and the front page names the
booklet's publisher and the 2024 structure correctly."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"
RETIRED = {
    "nb": ["Gjør krav", "gjør krav", "Driver i", "Atom-strøm", "utfordringshendelse", "organisasjonshendelse",
           "tilskuddsgiver", "Representer ", "veien sammen", "Krav som venter", "står utenfor skole"],
    "nn": ["Gjer krav", "gjer krav", "Driv i", "Atom-straum", "utfordringshending", "organisasjonshending",
           "tilskotsgivar", "Representer ", "vegen saman", "Krav som ventar", "står utanfor skule"],
}  # fmt: skip


def _translations(language):
    for entry in polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po")):
        if not entry.obsolete:
            yield entry.msgid, entry.msgstr or " ".join(entry.msgstr_plural.values())


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_no_retired_wording_is_left_in_the_catalogue(language):
    found = [(old, msgid) for msgid, text in _translations(language) for old in RETIRED[language] if old in text]

    assert found == []


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_nav_is_written_as_nav_writes_it(language):
    assert [msgid for msgid, text in _translations(language) if "NAV" in text.split()] == []


@pytest.mark.django_db
def test_the_english_front_page_names_the_publisher_and_the_2024_structure(client):
    with translation.override("en"):
        page = client.get("/en/").content.decode()

    assert "regional reform" not in page
    assert "the then Ministry of Local Government and Modernisation published, together with KS" in page
    assert "at risk of dropping out of school" in page


@pytest.mark.django_db
def test_the_bokmal_front_page_names_the_then_ministry_with_ks(client):
    page = client.get("/").content.decode()

    assert "daværende Kommunal- og moderniseringsdepartementet, i samarbeid med KS" in page


@pytest.mark.django_db
def test_the_accessibility_statement_says_it_is_not_yet_published_in_uustatus(client):
    page = client.get(reverse("pages:accessibility")).content.decode()

    assert "Uustatus" in page
    assert "Samvei har ikke publisert en erklæring der ennå" in page
