"""A newcomer's first tasks, with only what the pages show: from the front page, by links and buttons, never by
typing an address. The only address opened directly is the confirmation link from the e-mail, as a mail
program would."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from samvei.challenges.models import Challenge, Pitch
from samvei.organisations.models import Membership, Organisation

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "et langt og godt passord 2026"
CONFIRMATION_LINK = re.compile(r"https?://\S+/konto/\S+")


def new_page(browser: Browser) -> Page:
    return browser.new_context(bypass_csp=True, locale="nb-NO").new_page()


def sign_up(page: Page, live_server, email: str) -> None:
    """Front page → «Opprett konto» → the form → the link in the confirmation e-mail → signed in."""
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Opprett konto").first.click()
    page.get_by_label("E-postadresse").fill(email)
    page.get_by_label("Passord", exact=True).fill(PASSWORD)
    page.get_by_label("Gjenta passordet").fill(PASSWORD)
    page.get_by_role("button", name="Opprett konto").click()
    page.wait_for_load_state()
    message = next(m for m in reversed(mail.outbox) if email in m.to)
    link = CONFIRMATION_LINK.search(message.body)
    assert link is not None, message.body
    page.goto(link.group(0).replace("http://127.0.0.1:8000", live_server.url))
    page.get_by_role("button", name="Bekreft").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="Logg ut")).to_be_attached()


def test_a_municipal_employee_publishes_and_an_entrepreneur_pitches(live_server, browser: Browser):
    bergen = Organisation.objects.get(municipality__number="4601")
    employee, founder = new_page(browser), new_page(browser)

    # A Bergen employee signs up and joins Bergen kommune (an address on the municipality's own domain).
    sign_up(employee, live_server, "kari.nordmann@bergen.kommune.no")
    employee.get_by_role("link", name="Kommuner").first.click()
    employee.get_by_label("Navn").fill("Bergen")
    employee.get_by_role("button", name="Filtrer").click()
    employee.get_by_role("link", name="Bergen", exact=True).click()
    employee.get_by_role("link", name=re.compile("Jeg jobber i denne kommunen")).click()
    employee.get_by_label(re.compile("Hvorfor du kan")).fill("Jeg er rådgiver i helse og omsorg.")
    employee.get_by_role("button", name=re.compile("Send")).click()
    employee.wait_for_load_state()
    assert Membership.objects.filter(organisation=bergen, user__email="kari.nordmann@bergen.kommune.no").exists()

    # The header now offers to publish a challenge.
    employee.get_by_role("link", name="Publiser en utfordring").first.click()
    employee.get_by_label("Tittel").fill("Unge som faller ut av videregående")
    employee.get_by_label("Problemet").fill("Mange elever i Bergen slutter før de har fullført videregående skole.")
    deadline = timezone.localdate() + datetime.timedelta(days=30)
    employee.get_by_label("Frist for forslag").fill(deadline.isoformat())
    employee.locator("input[name=intent][value=exploration]").check()  # «not a tender»: asking the market first
    employee.get_by_role("button", name=re.compile("Lagre")).click()
    employee.get_by_role("button", name="Publiser utfordringen").click()
    employee.wait_for_load_state()
    challenge = Challenge.objects.get(title="Unge som faller ut av videregående")
    assert challenge.status == Challenge.Status.PUBLISHED

    # An entrepreneur signs up, registers an enterprise, finds the challenge and pitches.
    sign_up(founder, live_server, "ola@laeringsloftet.no")
    founder.get_by_role("link", name="Registrer organisasjonen din").click()
    founder.get_by_label("Navn", exact=True).fill("Læringsloftet AS")
    founder.get_by_label("Type organisasjon").select_option(label="Sosial entreprenør")
    founder.get_by_role("button", name="Registrer").click()
    founder.wait_for_load_state()
    founder.get_by_role("link", name="Utfordringer").first.click()
    founder.get_by_role("link", name="Unge som faller ut av videregående").click()
    founder.get_by_role("link", name="Send et forslag").click()
    founder.get_by_label("Tittel").fill("Lekseloft med studenter")
    founder.get_by_label("Sammendrag").fill("Studenter gir leksehjelp to kvelder i uka.")
    founder.get_by_role("button", name="Send").click()
    founder.wait_for_load_state()

    pitch = Pitch.objects.get(title="Lekseloft med studenter")
    assert pitch.receiver == bergen
    assert pitch.delivered_at is not None
    assert any("kari.nordmann@bergen.kommune.no" in m.to for m in mail.outbox if "Lekseloft" in m.body)


def test_an_idea_to_a_municipality_nobody_represents_waits_and_the_sender_is_told(live_server, browser: Browser):
    from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

    enterprise = OrganisationFactory(name="Turvenner AS")
    founder = MembershipFactory(organisation=enterprise, role=Membership.Role.ADMIN).user
    page = new_page(browser)
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Logg inn").first.click()
    page.get_by_label("E-postadresse").fill(founder.email)
    page.get_by_label("Passord", exact=True).fill("et-godt-passord-123")
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_load_state()

    page.get_by_role("link", name="Kommuner").first.click()
    page.get_by_label("Navn").fill("Tana")
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_role("link", name="Tana", exact=True).click()
    page.get_by_role("link", name=re.compile("Fortell Tana kommune om ideen")).click()

    # Before sending: who will receive it, and what else can be done.
    notice = page.locator(".recipients")
    expect(notice).to_contain_text("Ingen fra Tana kommune bruker Samvei ennå")
    expect(notice.get_by_role("link", name="nettstedet deres")).to_be_visible()
    page.get_by_label("Tittel").fill("Turgrupper for eldre")
    page.get_by_label("Sammendrag").fill("Ukentlige turer med frivillige.")
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()

    # After sending: the idea waits, and the sender sees where.
    expect(page.get_by_role("heading", name="Venter på mottaker")).to_be_visible()
    page.get_by_role("link", name="Forslag").first.click()
    expect(page.get_by_role("row", name=re.compile("Turgrupper for eldre.*Venter på mottaker"))).to_be_visible()
    assert Pitch.objects.get(title="Turgrupper for eldre").is_waiting
