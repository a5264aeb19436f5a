"""Bokmål is the default language: a string without a Norwegian translation would show English to everyone."""

import gettext
import re
from pathlib import Path

from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "nb" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")


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


def test_every_norwegian_entry_is_translated_and_not_fuzzy():
    untranslated = []
    for block in _entries(CATALOGUE.read_text(encoding="utf-8"))[1:]:
        keywords = ["msgstr[0]", "msgstr[1]"] if "msgid_plural" in block else ["msgstr"]
        if "#, fuzzy" in block or any(not _strings(block, keyword) for keyword in keywords):
            untranslated.append(_strings(block, "msgid"))

    assert untranslated == []


def test_compiled_catalogue_matches_the_source():
    with COMPILED.open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for block in _entries(CATALOGUE.read_text(encoding="utf-8"))[1:]:
        if "msgid_plural" in block or "msgctxt" in block:
            continue
        msgid, msgstr = _unescape(_strings(block, "msgid")), _unescape(_strings(block, "msgstr"))
        assert compiled.gettext(msgid) == msgstr, msgid
