"""The parties' report page and PDF: who sees them, what they show, and what they cost in queries."""

import builtins
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from samvei.agreements.tests.pdf_text import pdf_text
from samvei.impact.models import Evidence
from samvei.impact.services.report import report_filename, report_link_create
from samvei.impact.tests.factories import (
    AssumptionFactory,
    IndicatorFactory,
    LogicModelEntryFactory,
    MeasurementFactory,
    SroiAnalysisFactory,
    SroiOutcomeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The assertions read the English texts: every address is reversed, and so requested, in English."""
    with translation.override("en"):
        yield


INDICATOR = "Besøk per uke"
OUTCOME = "Færre innleggelser"
SOURCE = "Kommunens besøkslogg 2026"
ENTRY = "Beboerne får besøk hver uke"


@pytest.fixture
def uncompressed_pdf(settings):
    """Leaves the PDF's streams readable, so a test can decode the text it draws."""
    settings.IMPACT_PDF_UNCOMPRESSED = True


@pytest.fixture
def filled(collaboration):
    """A report with something in every part."""
    LogicModelEntryFactory(collaboration=collaboration, text=ENTRY)
    indicator = IndicatorFactory(collaboration=collaboration, name=INDICATOR)
    MeasurementFactory(indicator=indicator, value=Decimal("5"))
    outcome = SroiOutcomeFactory(analysis=SroiAnalysisFactory(collaboration=collaboration), name=OUTCOME)
    AssumptionFactory(outcome=outcome, evidence=Evidence.ESTIMATE, source=SOURCE)
    return collaboration


def _url(name, collaboration):
    return reverse(f"impact:{name}", kwargs={"pk": collaboration.pk})


@pytest.mark.parametrize("persona", ["body_member", "partner_member"])
def test_a_party_reads_the_whole_report(client, request, filled, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(_url("report", filled))

    assert response.status_code == 200
    for text in (filled.title, filled.public_body.name, filled.partner.name, ENTRY, INDICATOR, OUTCOME, SOURCE):
        assert text in response.text


def test_the_report_says_how_much_rests_on_estimates(client, filled, body_member):
    client.force_login(body_member)

    response = client.get(_url("report", filled))

    assert "100 % of the value rests on estimates" in response.text


def test_an_empty_collaboration_has_a_report_too(client, collaboration, body_member):
    client.force_login(body_member)

    response = client.get(_url("report", collaboration))

    assert response.status_code == 200
    assert "No SROI has been calculated yet." in response.text


@pytest.mark.parametrize("name", ["report", "report-pdf"])
@pytest.mark.parametrize("persona", ["third_org_member", "outsider", "staff"])
def test_no_one_but_the_parties_sees_the_report(client, request, filled, persona, name):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(_url(name, filled)).status_code == 404


@pytest.mark.parametrize("name", ["report", "report-pdf"])
def test_anonymous_is_sent_to_log_in(client, filled, name):
    response = client.get(_url(name, filled))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_page_lists_active_and_revoked_links(client, collaboration, body_member, stavanger):
    kept = report_link_create(collaboration=collaboration, label="bystyret", actor=body_member).link
    revoked = report_link_create(collaboration=collaboration, label="Husbanken", actor=body_member).link
    client.force_login(body_member)
    client.post(reverse("impact:report-link-revoke", kwargs={"pk": collaboration.pk, "link_pk": revoked.pk}))

    response = client.get(_url("report", collaboration))

    assert kept.label in response.text
    assert revoked.label in response.text
    assert stavanger.name in response.text
    assert response.text.count("Revoke the link for") == 1


def test_the_page_never_shows_another_collaborations_links(client, collaboration, other_collaboration, body_member):
    from samvei.organisations.tests.factories import MembershipFactory

    member = MembershipFactory(organisation=other_collaboration.partner).user
    report_link_create(collaboration=other_collaboration, label="formannskapet", actor=member)
    client.force_login(body_member)

    assert "formannskapet" not in client.get(_url("report", collaboration)).text


def test_the_overview_shows_the_active_links_and_the_form(client, collaboration, body_member):
    report_link_create(collaboration=collaboration, label="bystyret", actor=body_member)
    client.force_login(body_member)

    response = client.get(_url("overview", collaboration))

    assert "bystyret" in response.text
    assert _url("report-link-create", collaboration) in response.text


def test_the_page_costs_the_same_queries_however_much_it_holds(client, filled, collaboration, body_member):
    client.force_login(body_member)
    with CaptureQueriesContext(connection) as small:
        client.get(_url("report", filled))
    for number in range(3):
        indicator = IndicatorFactory(collaboration=collaboration, name=f"Indikator {number}")
        MeasurementFactory.create_batch(3, indicator=indicator)
        outcome = SroiOutcomeFactory(analysis=collaboration.sroi, name=f"Utfall {number}")
        AssumptionFactory(outcome=outcome)
        report_link_create(collaboration=collaboration, label=f"mottaker {number}", actor=body_member)

    with CaptureQueriesContext(connection) as large:
        client.get(_url("report", filled))

    assert len(large) == len(small)


@pytest.mark.parametrize("persona", ["body_member", "partner_member"])
def test_a_party_downloads_the_pdf(client, request, filled, persona):
    client.force_login(request.getfixturevalue(persona))

    response = client.get(_url("report-pdf", filled))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="effect-report-besoksvenn-pa-sykehjem.pdf"'
    assert response.content.startswith(b"%PDF")


def test_the_pdf_shows_the_title_an_indicator_an_outcome_and_a_source(client, filled, body_member, uncompressed_pdf):
    client.force_login(body_member)

    text = pdf_text(client.get(_url("report-pdf", filled)).content)

    for expected in (filled.title, INDICATOR, OUTCOME, SOURCE):
        assert expected in text


def test_the_shared_pdf_is_the_same_report(client, filled, body_member, uncompressed_pdf):
    made = report_link_create(collaboration=filled, label="bystyret", actor=body_member)

    response = client.get(reverse("impact:shared-pdf", kwargs={"token": made.token}))

    assert response.status_code == 200
    assert response["Referrer-Policy"] == "no-referrer"
    assert OUTCOME in pdf_text(response.content)


def test_a_machine_without_the_pdf_libraries_says_so_and_shows_the_page(client, filled, body_member, monkeypatch):
    real_import = builtins.__import__

    def no_pango(name, *args, **kwargs):
        if name == "pdf" and args and args[2] and "html_pdf" in args[2]:
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    client.force_login(body_member)
    monkeypatch.setattr(builtins, "__import__", no_pango)
    response = client.get(_url("report-pdf", filled), follow=True)

    assert response.redirect_chain[-1][0] == _url("report", filled)
    assert "cannot make PDF files" in response.text


def test_the_filename_spells_out_norwegian_letters_in_ascii(collaboration):
    collaboration.title = "Økt trivsel på Åsen – «ærlig» talt"

    assert report_filename(collaboration=collaboration) == "effect-report-okt-trivsel-pa-asen-aerlig-talt.pdf"


def test_a_long_title_gives_a_short_filename(collaboration):
    collaboration.title = "langt " * 40

    assert len(report_filename(collaboration=collaboration)) <= 84
