"""Staff find what is due for a check by links only, by mouse and by keyboard, at 320 px too: front page →
«Profil» → «Fakta som skal kontrolleres på nytt» → a due contact point → its organisation in the admin. A visitor
on the municipality page sees that no address for ideas is verified instead of a guessed one."""

import datetime

import pytest
from playwright.sync_api import Browser, Page, expect

from samvei.accounts.tests.factories import StaffFactory
from samvei.organisations.tests.factories import ContactPointFactory

from .conftest import axe_violations, too_wide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def new_page(browser: Browser, *, width: int = 1280) -> Page:
    context = browser.new_context(bypass_csp=True, locale="nb-NO", viewport={"width": width, "height": 900})
    return context.new_page()


def open_menu_on_a_narrow_screen(page: Page) -> None:
    toggle = page.get_by_role("button", name="Meny")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


@pytest.mark.parametrize("width", [1280, 320])
def test_staff_reach_a_due_fact_from_the_front_page(live_server, browser: Browser, sign_in, width):
    point = ContactPointFactory(unit="Oppvekst og levekår", last_confirmed_on=datetime.date(2024, 5, 2))
    page = new_page(browser, width=width)
    sign_in(page, StaffFactory())

    page.goto(live_server.url + "/")
    open_menu_on_a_narrow_screen(page)
    page.get_by_role("link", name="Profil", exact=True).click()
    page.get_by_role("link", name="Fakta som skal kontrolleres på nytt").click()
    page.wait_for_load_state()

    assert axe_violations(page) == []
    assert too_wide(page, limit=width) is None
    row = page.locator("tr", has_text="Oppvekst og levekår")
    expect(row).to_contain_text("2. mai 2024")
    row.get_by_role("link").click()
    page.wait_for_load_state()
    assert f"/admin/organisations/organisation/{point.organisation.pk}/change/" in page.url


def test_staff_reach_the_list_by_keyboard(live_server, browser: Browser, sign_in):
    page = new_page(browser)
    sign_in(page, StaffFactory())
    page.goto(live_server.url + "/")

    page.get_by_role("link", name="Profil", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.get_by_role("link", name="Fakta som skal kontrolleres på nytt").focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    expect(page.get_by_role("heading", level=1)).to_have_text("Fakta som skal kontrolleres på nytt")


def test_a_visitor_reads_that_no_address_for_ideas_is_verified(live_server, browser: Browser):
    page = new_page(browser, width=320)
    page.goto(live_server.url + "/")
    open_menu_on_a_narrow_screen(page)
    page.get_by_role("link", name="Kommuner").first.click()
    page.get_by_role("link", name="Stavanger", exact=True).click()
    page.wait_for_load_state()

    expect(page.locator("#no-verified-address")).to_contain_text("Samvei har ingen kontrollert adresse")
    assert too_wide(page, limit=320) is None
