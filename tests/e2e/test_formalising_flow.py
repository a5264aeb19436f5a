"""A municipality asks the advisor how it may work with a social entrepreneur, starts a collaboration from the
route it chose, adds a milestone and downloads the draft agreement, by links and buttons only; the partner
sees the record, a third organisation does not."""

import io
import json
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document
from playwright.sync_api import Browser, Page

from samvei.agreements.tests.pdf_text import pdf_text
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


def test_advisor_to_collaboration_to_milestone_to_draft_agreement(live_server, browser: Browser, sign_in, settings):
    settings.AGREEMENTS_PDF_UNCOMPRESSED = True
    stavanger = Organisation.objects.get(municipality__number="1103")
    official = MembershipFactory(organisation=stavanger, role=Membership.Role.ADMIN).user
    enterprise = OrganisationFactory(name="Besøksvennene AS")
    entrepreneur = MembershipFactory(organisation=enterprise, role=Membership.Role.MEMBER).user
    outsider = MembershipFactory(organisation=OrganisationFactory(name="Tredje AS")).user
    municipality = new_page(browser)
    sign_in(municipality, official)

    # From the front page to the advisor, by the main menu.
    municipality.goto(live_server.url + reverse("pages:front"))
    municipality.get_by_role("link", name="Veiviser", exact=True).first.click()
    municipality.wait_for_load_state()
    accessible(municipality)
    municipality.get_by_label("Hvem kjøper").select_option("municipality")
    municipality.get_by_label("Hva kjøpes").select_option("health_social")
    municipality.locator("input[name=value]").fill("600000")
    municipality.locator("input[name=date]").fill(timezone.localdate().isoformat())
    municipality.locator("input[name=innovation]").check()
    municipality.get_by_role("button", name="Vis veiene").click()
    municipality.wait_for_load_state()
    accessible(municipality)
    assert municipality.locator("#route-pilot-agreement").is_visible()
    assert municipality.locator("#route-rnd-pre-commercial").is_visible()

    # The chosen route hands its question over to a new collaboration.
    municipality.get_by_role("link", name="Start et samarbeid som «Pilotavtale»").click()
    municipality.wait_for_load_state()
    accessible(municipality)
    municipality.get_by_label("Samarbeid med").select_option(label=enterprise.name)
    municipality.get_by_label("Tittel").fill("Besøksvenner på sykehjem")
    municipality.locator("form.stack-form button[type=submit]").click()
    municipality.wait_for_load_state()
    accessible(municipality)
    collaboration = Collaboration.objects.get(title="Besøksvenner på sykehjem")
    assert collaboration.form.key == "pilot-agreement"
    assert collaboration.advice["category"] == "health_social"

    # A milestone with a date and a responsible party.
    due = (timezone.localdate() + timezone.timedelta(days=30)).isoformat()
    milestone_form = municipality.locator(
        f"form[action='{reverse('collaborations:milestone-add', kwargs={'pk': collaboration.pk})}']"
    )
    milestone_form.locator("input[name=milestone-title]").fill("Første besøk gjennomført")
    milestone_form.locator("input[name=milestone-due_on]").fill(due)
    milestone_form.locator("select[name=milestone-owner]").select_option(label=enterprise.name)
    milestone_form.locator("button[type=submit]").click()
    municipality.wait_for_load_state()
    accessible(municipality)
    assert collaboration.milestones.get().title == "Første besøk gjennomført"

    # The draft agreement, as DOCX and PDF, names both parties.
    with municipality.expect_download() as docx_download:
        municipality.get_by_role("link", name="Last ned utkastet som Word-dokument (DOCX)").click()
    document = Document(io.BytesIO(Path(docx_download.value.path()).read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert stavanger.name in text
    assert enterprise.name in text
    assert "Første besøk gjennomført" in text
    with municipality.expect_download() as pdf_download:
        municipality.get_by_role("link", name="Last ned utkastet som PDF").click()
    pdf = Path(pdf_download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert stavanger.name in pdf_text(pdf)
    assert enterprise.name in pdf_text(pdf)

    # The partner sees the record from its own list; a third organisation does not.
    founder = new_page(browser)
    sign_in(founder, entrepreneur)
    founder.goto(live_server.url + reverse("collaborations:list"))
    founder.get_by_role("link", name="Besøksvenner på sykehjem").click()
    founder.wait_for_load_state()
    assert founder.get_by_text("Første besøk gjennomført").first.is_visible()
    stranger = new_page(browser)
    sign_in(stranger, outsider)
    response = stranger.goto(live_server.url + collaboration.get_absolute_url())
    assert response.status == 404
