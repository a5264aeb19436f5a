"""By keyboard only: choose municipalities through the filter, and recover from a failed submit through the
error summary. Counts and statuses are matched by their numbers, so the tests do not depend on the catalogue."""

import json
import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from samvei.organisations.models import Membership
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE_ID = "document.activeElement && document.activeElement.id"


@pytest.fixture
def enterprise_admin():
    """The administrator of an enterprise that works in Oslo today."""
    from samvei.geography.models import Municipality

    membership = MembershipFactory(organisation=OrganisationFactory(), role=Membership.Role.ADMIN)
    membership.organisation.municipalities.set(Municipality.objects.filter(number="0301"))
    return membership


def tab_until(page: Page, condition: str, *, limit: int = 1000) -> None:
    """Press Tab until the JavaScript `condition` holds for the focused element."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; return Boolean({condition}); }})()"):
            return
    raise AssertionError(f"Tab never reached an element where {condition}")


def open_edit_page(page: Page, live_server, sign_in, membership) -> None:
    sign_in(page, membership.user)
    page.goto(live_server.url + reverse("organisations:edit", kwargs={"slug": membership.organisation.slug}))


def test_filter_and_choose_two_municipalities_by_keyboard(live_server, page: Page, sign_in, enterprise_admin):
    organisation = enterprise_admin.organisation
    open_edit_page(page, live_server, sign_in, enterprise_admin)
    oslo = page.locator("#id_municipalities input[value='0301']")
    expect(oslo).to_be_checked()

    tab_until(page, "el.id === 'id_municipalities-filter'")
    page.keyboard.type("heroy")  # without «ø», as on a foreign keyboard
    expect(page.locator("[data-choices-shown]")).to_have_text(re.compile(r"\b3\b.*\b357\b"))  # Oslo stays
    expect(oslo).to_be_visible()
    page.keyboard.press("Enter")  # must not submit the half-filled form
    assert page.evaluate(ACTIVE_ID) == "id_municipalities-filter"

    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # Oslo, listed first because it is chosen: un-choose it
    tab_until(page, "el.value === '1515'")
    page.keyboard.press("Space")
    tab_until(page, "el.value === '1818'")
    page.keyboard.press("Space")
    expect(page.locator("[data-choices-count]")).to_have_text(re.compile(r"^2\b"))
    expect(page.locator("#id_municipalities input:checked")).to_have_count(2)

    tab_until(page, "el.matches('form.stack-form button[type=submit]')")
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + organisation.get_absolute_url())

    assert set(organisation.municipalities.values_list("number", flat=True)) == {"1515", "1818"}


def test_failed_submit_focuses_the_summary_whose_link_focuses_the_field(
    live_server, page: Page, sign_in, enterprise_admin
):
    open_edit_page(page, live_server, sign_in, enterprise_admin)

    tab_until(page, "el.id === 'id_name'")
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.press("Backspace")
    tab_until(page, "el.id === 'id_org_number'")
    page.keyboard.type("123456789")
    tab_until(page, "el.matches('form.stack-form button[type=submit]')")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_name"
    page.keyboard.press("Enter")
    assert page.evaluate(ACTIVE_ID) == "id_name"
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"

    page.keyboard.press("Shift+Tab")  # back into the summary, from the top of the form
    tab_until(page, "el.getAttribute('href') === '#id_org_number'")
    page.keyboard.press("Enter")
    assert page.evaluate(ACTIVE_ID) == "id_org_number"


def test_ask_the_advisor_and_follow_a_route_by_keyboard(live_server, page: Page):
    page.goto(live_server.url + reverse("pages:front"))
    tab_until(page, f"el.getAttribute('href') === '{reverse('procurement:advisor')}'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    tab_until(page, "el.name === 'buyer'")
    page.keyboard.press("ArrowDown")  # the first choice: a municipality
    tab_until(page, "el.name === 'category'")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # health, social and other special services
    tab_until(page, "el.name === 'value'")
    page.keyboard.type("600000")
    tab_until(page, "el.name === 'date'")
    page.keyboard.type("01012025")  # a date picker takes day, month, year
    tab_until(page, "el.name === 'innovation'")
    page.keyboard.press("Space")
    tab_until(page, "el.type === 'submit'")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("#route-rnd-pre-commercial").is_visible()
    tab_until(page, "el.closest('article[aria-labelledby=route-pilot-agreement]') !== null && el.tagName === 'A'")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
