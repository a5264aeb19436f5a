"""Bokmål → English → bokmål on three kinds of pages (a list with a filter, a detail page, a cookbook page):
the visitor stays on the same page, with the same filter, in the language they chose."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _pages(cookbook_content) -> list[tuple[str, str]]:
    pages = []
    for language in ("nb", "en"):
        with translation.override(language):
            pages.append(
                [
                    reverse("challenges:list") + "?welfare_area=elderly-care",
                    reverse("municipalities:detail", kwargs={"number": "1103"}),
                    cookbook_content["recipe"].get_absolute_url(),
                ]
            )
    return list(zip(*pages, strict=True))


def test_switching_to_english_and_back_keeps_the_page(live_server, page: Page, cookbook_content):
    for norwegian, english in _pages(cookbook_content):
        page.goto(live_server.url + norwegian)

        page.get_by_role("button", name="English").click()
        page.wait_for_url(live_server.url + english)
        expect(page.locator("html")).to_have_attribute("lang", "en")

        page.get_by_role("button", name="Norsk (bokmål)").click()
        page.wait_for_url(live_server.url + norwegian)
        expect(page.locator("html")).to_have_attribute("lang", "nb")
