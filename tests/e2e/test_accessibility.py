"""WCAG 2.1 A/AA with axe-core on every page, reflow at 320 px, the header on a phone and on a wide screen,
and the keyboard paths every visitor depends on."""

import json

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, Page

from .conftest import PHONE, axe_violations, links_in_browser_colours, too_wide
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


def test_public_pages_fit_a_320_px_wide_screen(live_server, page: Page, challenge_with_pitch, cookbook_content):
    """WCAG 1.4.10 Reflow: nothing scrolls sideways at 320 CSS pixels (400 % zoom of a 1280 px screen)."""
    page.set_viewport_size(PHONE)
    found = {}
    for path in public_pages(challenge_pk=challenge_with_pitch[0].pk, cookbook=cookbook_content):
        page.goto(live_server.url + path)
        if wide := too_wide(page, limit=PHONE["width"]):
            found[path] = wide

    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)


def test_member_pages_fit_a_320_px_wide_screen(live_server, page: Page, sign_in, staff_member, challenge_with_pitch):
    sign_in(page, staff_member)
    page.set_viewport_size(PHONE)
    challenge, pitch = challenge_with_pitch
    found = {}
    for path in member_pages(organisation_slug="stavanger-1103", challenge_pk=challenge.pk, pitch_pk=pitch.pk):
        page.goto(live_server.url + path)
        if wide := too_wide(page, limit=PHONE["width"]):
            found[path] = wide

    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)


def test_no_link_shows_the_browser_default_colour(
    live_server, page: Page, sign_in, staff_member, challenge_with_pitch, cookbook_content
):
    challenge, pitch = challenge_with_pitch
    found = {}
    checked: set[str] = set()
    for path in public_pages(challenge_pk=challenge.pk, cookbook=cookbook_content):
        page.goto(live_server.url + path)
        if links := links_in_browser_colours(page, checked=checked):
            found[path] = links
    sign_in(page, staff_member)
    for path in member_pages(organisation_slug="stavanger-1103", challenge_pk=challenge.pk, pitch_pk=pitch.pk):
        page.goto(live_server.url + path)
        if links := links_in_browser_colours(page, checked=checked):
            found[path] = links

    assert found == {}, json.dumps(found, indent=2, ensure_ascii=False)


def test_every_page_links_a_favicon_that_loads(live_server, page: Page, sign_in, staff_member, challenge_with_pitch):
    challenge, pitch = challenge_with_pitch
    icons = {}
    for path in public_pages(challenge_pk=challenge.pk):
        page.goto(live_server.url + path)
        icons[path] = page.evaluate("document.querySelector('link[rel~=icon]')?.href ?? null")
    sign_in(page, staff_member)
    for path in member_pages(organisation_slug="stavanger-1103", challenge_pk=challenge.pk, pitch_pk=pitch.pk):
        page.goto(live_server.url + path)
        icons[path] = page.evaluate("document.querySelector('link[rel~=icon]')?.href ?? null")

    assert [path for path, icon in icons.items() if icon is None] == []
    statuses = {icon: page.request.get(icon).status for icon in set(icons.values())}
    assert statuses == dict.fromkeys(statuses, 200)


def test_the_closed_menu_leaves_most_of_a_phone_screen_to_the_page(live_server, page: Page, sign_in, staff_member):
    sign_in(page, staff_member)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("pages:front"))

    header = page.locator(".site-header").bounding_box()
    assert header is not None
    assert header["height"] < PHONE["height"] / 3
    assert page.locator("button[aria-controls='site-menu']").is_visible()
    assert not page.get_by_role("navigation", name="Hovedmeny").is_visible()


def test_the_menu_button_opens_the_menu_by_keyboard_and_escape_closes_it(live_server, page: Page):
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("municipalities:list"))
    button = page.locator("button[aria-controls='site-menu']")
    menu = page.get_by_role("navigation", name="Hovedmeny")

    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-controls')") == "site-menu":
            break
    else:
        pytest.fail("The menu button was not reachable with Tab")
    page.keyboard.press("Enter")

    assert button.get_attribute("aria-expanded") == "true"
    assert menu.is_visible()
    assert too_wide(page, limit=PHONE["width"]) is None
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#site-menu') !== null")

    page.keyboard.press("Escape")

    assert button.get_attribute("aria-expanded") == "false"
    assert not menu.is_visible()
    assert page.evaluate("document.activeElement.getAttribute('aria-controls')") == "site-menu"


def test_without_javascript_a_phone_shows_the_whole_menu_and_no_button(live_server, browser: Browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE, locale="nb-NO")
    page = context.new_page()
    page.goto(live_server.url + reverse("pages:front"))

    assert page.get_by_role("navigation", name="Hovedmeny").is_visible()
    assert page.get_by_role("link", name="Logg inn").is_visible()
    assert not page.locator("button[aria-controls='site-menu']").is_visible()
    context.close()


# Rows of the header: items whose vertical centres lie within a few pixels share a row.
HEADER_ROWS = """() => {
  const centre = e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; };
  const items = [...document.querySelectorAll('.site-header li, .site-header .language-switch')]
    .filter(e => e.getClientRects().length).map(centre).sort((a, b) => a - b);
  const rows = items.filter((c, i) => i === 0 || c - items[i - 1] > 8);
  return {rows: rows.length, first: rows[0], last: rows[rows.length - 1],
          brand: centre(document.querySelector('.site-header__brand'))};
}"""


def test_the_signed_in_header_fits_two_rows_on_a_1280_px_screen(live_server, page: Page, sign_in, staff_member):
    sign_in(page, staff_member)
    page.set_viewport_size({"width": 1280, "height": 800})
    for language in ("nb", "en"):
        with translation.override(language):
            page.goto(live_server.url + reverse("pages:front"))
            publish = reverse("challenges:create")
        header = page.evaluate(HEADER_ROWS)

        assert page.locator(f".site-header a[href='{publish}']").count() == 1
        assert header["rows"] <= 2, (language, header)
        assert header["first"] <= header["brand"] <= header["last"], (language, header)


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
