"""A new user signs up, verifies the e-mail address from the outbox, claims an organisation and edits it."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import Page

from samvei.organisations.models import Membership, Organisation
from samvei.organisations.tests.factories import OrganisationFactory

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "et-godt-passord-123"


def assert_accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)


def test_sign_up_verify_claim_and_edit(live_server, page: Page):
    # Staff (or the register) set the verified domain; the website alone lets nobody in.
    organisation = OrganisationFactory(
        name="Besøksvennene AS", website="https://www.besoksvennene.no", verified_domain="besoksvennene.no"
    )
    email = "leder@besoksvennene.no"

    page.goto(live_server.url + reverse("account_signup"))
    assert_accessible(page)
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_load_state()
    assert_accessible(page)

    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    assert_accessible(page)
    page.locator("main form button[type=submit]").click()
    # Confirming in the browser that signed up signs the person in.
    page.wait_for_url(re.compile(".*" + re.escape(reverse("organisations:mine"))))

    page.goto(live_server.url + organisation.get_absolute_url())
    page.locator(f"a[href='{reverse('organisations:claim', kwargs={'slug': organisation.slug})}']").click()
    assert_accessible(page)
    page.locator("textarea[name=message]").fill("Jeg er daglig leder.")
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url(live_server.url + organisation.get_absolute_url())
    assert Membership.objects.filter(user__email=email, organisation=organisation).exists()

    page.locator(f"a[href='{reverse('organisations:edit', kwargs={'slug': organisation.slug})}']").click()
    assert_accessible(page)
    page.locator("textarea[name=description]").fill("Ungdom besøker eldre på sykehjem hver uke.")
    page.get_by_label("Eldre og omsorg").check()
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_url(live_server.url + organisation.get_absolute_url())

    assert page.get_by_text("Ungdom besøker eldre på sykehjem hver uke.").is_visible()
    organisation = Organisation.objects.get(pk=organisation.pk)
    assert [area.code for area in organisation.welfare_areas.all()] == ["elderly-care"]
