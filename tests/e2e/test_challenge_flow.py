"""The whole path: a municipality publishes a challenge, an entrepreneur asks and pitches, the question is
answered in public, the municipality selects the pitch and both see the collaboration."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page

from samvei.challenges.models import Challenge, Pitch
from samvei.collaborations.models import Collaboration
from samvei.organisations.models import Membership, Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)


def new_page(browser: Browser) -> Page:
    return browser.new_context(bypass_csp=True, locale="nb-NO").new_page()


def test_publish_pitch_answer_select(live_server, browser: Browser, sign_in):
    stavanger = Organisation.objects.get(municipality__number="1103")
    official = MembershipFactory(organisation=stavanger, role=Membership.Role.ADMIN).user
    enterprise = OrganisationFactory(name="Besøksvennene AS")
    entrepreneur = MembershipFactory(organisation=enterprise, role=Membership.Role.ADMIN).user
    municipality, founder, visitor = new_page(browser), new_page(browser), new_page(browser)
    sign_in(municipality, official)
    sign_in(founder, entrepreneur)

    # The municipality writes and publishes a challenge.
    municipality.goto(live_server.url + reverse("challenges:create"))
    accessible(municipality)
    municipality.locator("input[name=title]").fill("Ensomhet blant beboere på sykehjem")
    municipality.locator("textarea[name=description]").fill("Mange beboere får sjelden besøk.")
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    municipality.locator("input[name=deadline]").fill(deadline.isoformat())
    municipality.get_by_label("Eldre og omsorg").check()
    municipality.locator("input[name=intent][value=pilot]").check()
    municipality.locator("form.stack-form button[type=submit]").click()
    municipality.wait_for_load_state()
    challenge = Challenge.objects.get(title="Ensomhet blant beboere på sykehjem")
    municipality.locator("input[name=to_status][value=published] ~ button").click()
    municipality.wait_for_load_state()
    accessible(municipality)
    assert Challenge.objects.get(pk=challenge.pk).status == "published"

    # The entrepreneur asks a question and sends a pitch.
    founder.goto(live_server.url + challenge.get_absolute_url())
    founder.locator("textarea[name=text]").fill("Kan vi bruke fellesstua på ettermiddagen?")
    founder.locator(f"form[action='{reverse('challenges:question-ask', kwargs={'pk': challenge.pk})}'] button").click()
    founder.wait_for_load_state()
    founder.locator(f"a[href='{reverse('challenges:pitch-create', kwargs={'pk': challenge.pk})}']").click()
    accessible(founder)
    founder.locator("input[name=title]").fill("Ungdom som besøksvenner")
    founder.locator("textarea[name=summary]").fill("Vi ansetter ungdom som besøker beboerne to ganger i uka.")
    founder.locator("form.stack-form button[type=submit]").click()
    founder.wait_for_load_state()
    pitch = Pitch.objects.get()
    accessible(founder)

    # The municipality answers in public, then selects the pitch.
    municipality.goto(live_server.url + challenge.get_absolute_url())
    municipality.locator("textarea[name=answer]").fill("Ja, mellom klokka 14 og 17.")
    question = challenge.questions.get()
    municipality.locator(
        f"form[action='{reverse('challenges:question-answer', kwargs={'pk': question.pk})}'] button"
    ).click()
    municipality.wait_for_load_state()
    municipality.goto(live_server.url + pitch.get_absolute_url())
    accessible(municipality)
    municipality.locator(
        f"form[action='{reverse('collaborations:start', kwargs={'pitch_id': pitch.pk})}'] button"
    ).click()
    municipality.wait_for_load_state()
    accessible(municipality)
    assert municipality.get_by_role("heading", name="Ungdom som besøksvenner").is_visible()

    # Everyone reads the answer; nobody but the two parties sees the pitch; both see the collaboration.
    visitor.goto(live_server.url + challenge.get_absolute_url())
    assert visitor.get_by_text("Ja, mellom klokka 14 og 17.").is_visible()
    assert visitor.get_by_text("Ungdom som besøksvenner").count() == 0
    accessible(visitor)
    visitor.goto(live_server.url + pitch.get_absolute_url())
    assert reverse("account_login") in visitor.url

    founder.goto(live_server.url + reverse("collaborations:list"))
    assert founder.get_by_role("link", name="Ungdom som besøksvenner").is_visible()
    accessible(founder)
    collaboration = Collaboration.objects.get()
    assert (collaboration.public_body, collaboration.partner) == (stavanger, enterprise)
