"""Bokmål → nynorsk → English → bokmål on three kinds of pages (a list with a filter, a detail page, a cookbook
page): the visitor stays on the same page, with the same filter, in the language they chose."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ("nb", "nn", "en")
BUTTONS = {"nb": "Norsk (bokmål)", "nn": "Norsk (nynorsk)", "en": "English"}


def _pages(cookbook_content) -> list[dict[str, str]]:
    """The same three pages, addressed in each language."""
    pages = []
    for name, kwargs, url in [
        ("challenges:list", {}, "?welfare_area=elderly-care"),
        ("municipalities:detail", {"number": "1103"}, ""),
    ]:
        pages.append(
            {language: _in(language, lambda n=name, k=kwargs: reverse(n, kwargs=k)) + url for language in LANGUAGES}
        )
    recipe = cookbook_content["recipe"]
    pages.append({language: _in(language, recipe.get_absolute_url) for language in LANGUAGES})
    return pages


def _in(language: str, address) -> str:
    with translation.override(language):
        return str(address())


def test_switching_bokmal_nynorsk_english_and_back_keeps_the_page(live_server, page: Page, cookbook_content):
    for addresses in _pages(cookbook_content):
        page.goto(live_server.url + addresses["nb"])
        for language in ("nn", "en", "nb"):
            page.get_by_role("button", name=BUTTONS[language]).click()
            page.wait_for_url(live_server.url + addresses[language])
            expect(page.locator("html")).to_have_attribute("lang", language)
