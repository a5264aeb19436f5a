"""WCAG 2.1 A/AA with axe-core on every page, and the keyboard paths every visitor depends on."""

import json

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from .conftest import axe_violations
from .pages import member_pages, public_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_pages_have_no_axe_violations(live_server, page: Page, challenge_with_pitch, cookbook_content):
    found = {}
    for path in public_pages(challenge_pk=challenge_with_pitch[0].pk, cookbook=cookbook_content):
        page.goto(live_server.url + path)
        if violations := axe_violations(page):
            found[path] = violations

    assert found == {}, json.dumps(found, indent=2)


def test_member_pages_have_no_axe_violations(live_server, page: Page, sign_in, staff_member, challenge_with_pitch):
    sign_in(page, staff_member)
    challenge, pitch = challenge_with_pitch
    found = {}
    for path in member_pages(organisation_slug="stavanger-1103", challenge_pk=challenge.pk, pitch_pk=pitch.pk):
        response = page.goto(live_server.url + path)
        assert response is not None
        assert response.status == 200, path
        if violations := axe_violations(page):
            found[path] = violations

    assert found == {}, json.dumps(found, indent=2)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(live_server, page: Page):
    page.goto(live_server.url + reverse("municipalities:list"))

    page.keyboard.press("Tab")
    focused_text = page.evaluate("document.activeElement.textContent.trim()")
    assert focused_text == "Hopp til hovedinnhold"
    assert page.locator(".ds-skip-link").is_visible()

    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main"
    assert page.url.endswith("#main")


def test_language_switch_works_by_keyboard_and_keeps_the_page(live_server, page: Page):
    page.goto(live_server.url + "/kommuner/1103/")

    for _ in range(25):
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


def test_entrepreneur_reaches_elderly_care_contacts_in_stavanger_in_one_click(live_server, page: Page):
    """Front page → choose Stavanger and elderly care → one click shows whom to tell the idea."""
    from samvei.organisations.tests.factories import ContactPointFactory
    from samvei.taxonomy.models import WelfareArea

    point = ContactPointFactory(role_title="Kommunalsjef helse og velferd")
    point.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))
    page.goto(live_server.url + "/")

    page.get_by_label("Kommune", exact=True).select_option(label="Stavanger")
    page.get_by_label("Ideen din handler om").select_option(label="Eldre og omsorg")
    page.get_by_role("button", name="Vis hvem du kan kontakte").click()

    assert page.url.startswith(live_server.url + "/kommuner/1103/?welfare_area=elderly-care")
    assert page.get_by_text("Kommunalsjef helse og velferd").first.is_visible()
