"""Bokmål is the default language and nynorsk its equal: a string without a translation in either would show
English (or, in nynorsk, bokmål) to everyone who chose Norwegian."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

NORWEGIAN = ["nb", "nn"]


def _catalogue(language: str) -> Path:
    return Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"


def _entries(text: str) -> list[str]:
    return [block for block in re.split(r"\n\s*\n", text) if "msgid" in block]


def _strings(block: str, keyword: str) -> str:
    """Join the quoted lines that follow `keyword` (msgid, msgstr or msgstr[n])."""
    match = re.search(rf'^{re.escape(keyword)} "(.*)"\n?((?:".*"\n?)*)', block, re.MULTILINE)
    if match is None:
        return ""
    return match.group(1) + "".join(re.findall(r'^"(.*)"', match.group(2), re.MULTILINE))


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


@pytest.mark.parametrize("language", NORWEGIAN)
def test_every_norwegian_entry_is_translated_and_not_fuzzy(language):
    untranslated = []
    for block in _entries(_catalogue(language).read_text(encoding="utf-8"))[1:]:
        keywords = ["msgstr[0]", "msgstr[1]"] if "msgid_plural" in block else ["msgstr"]
        if "#, fuzzy" in block or any(not _strings(block, keyword) for keyword in keywords):
            untranslated.append(_strings(block, "msgid"))

    assert untranslated == []


@pytest.mark.parametrize("language", NORWEGIAN)
def test_compiled_catalogue_matches_the_source(language):
    with _catalogue(language).with_suffix(".mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for block in _entries(_catalogue(language).read_text(encoding="utf-8"))[1:]:
        if "msgid_plural" in block or "msgctxt" in block:
            continue
        msgid, msgstr = _unescape(_strings(block, "msgid")), _unescape(_strings(block, "msgstr"))
        assert compiled.gettext(msgid) == msgstr, msgid
