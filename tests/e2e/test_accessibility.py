"""WCAG 2.1 A/AA with axe-core on every page, and the keyboard paths every visitor depends on."""

import json

import pytest
from playwright.sync_api import Page

from .conftest import AXE_SCRIPT
from .pages import PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.mark.parametrize("path", PAGES)
def test_page_has_no_axe_violations(live_server, page: Page, path):
    page.goto(live_server.url + path)
    page.add_script_tag(path=str(AXE_SCRIPT))

    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)

    violations = [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]} for v in result["violations"]
    ]
    assert violations == [], json.dumps(violations, indent=2)
    assert len(result["passes"]) > 10


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(live_server, page: Page):
    page.goto(live_server.url + "/kommuner/")

    page.keyboard.press("Tab")
    focused_text = page.evaluate("document.activeElement.textContent.trim()")
    assert focused_text == "Hopp til hovedinnhold"
    assert page.locator(".ds-skip-link").is_visible()

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("#main")


def test_language_switch_works_by_keyboard_and_keeps_the_page(live_server, page: Page):
    page.goto(live_server.url + "/kommuner/1103/")

    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('lang')") == "en":
            break
    else:
        pytest.fail("The language switch was not reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url == live_server.url + "/en/municipalities/1103/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Stavanger municipality"
