"""The parties of a collaboration measure its effects by links and buttons only: from the collaboration record
to an indicator with measurements (one typed by keyboard alone), an SROI with an outcome whose seven numbers
each carry their evidence, the effect report and its PDF, and a private link for the council that stops
working when it is revoked. A third organisation sees none of it."""

import json
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser, Page

from samvei.agreements.tests.pdf_text import pdf_text
from samvei.collaborations.tests.factories import CollaborationFactory
from samvei.impact.models import Indicator, SroiAnalysis
from samvei.organisations.models import Membership, Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

from .conftest import axe_violations, too_wide

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SUBJECTS = ("quantity", "proxy", "deadweight", "displacement", "attribution", "drop_off", "duration")


def accessible(page: Page) -> None:
    violations = axe_violations(page)
    assert violations == [], json.dumps(violations, indent=2)


def new_page(browser: Browser, *, width: int = 1280) -> Page:
    context = browser.new_context(bypass_csp=True, locale="nb-NO", viewport={"width": width, "height": 900})
    return context.new_page()


def click_href(page: Page, href: str) -> None:
    page.locator(f"main a[href='{href}']").first.click()
    page.wait_for_load_state()
    accessible(page)


def submit(page: Page, form_action: str) -> None:
    page.locator(f"form[action='{form_action}'] button[type=submit]").click()
    page.wait_for_load_state()
    accessible(page)


def test_indicator_measurements_sroi_report_pdf_and_a_revocable_link(live_server, browser: Browser, sign_in, settings):
    settings.IMPACT_PDF_UNCOMPRESSED = True
    stavanger = Organisation.objects.get(municipality__number="1103")
    enterprise = OrganisationFactory(name="Besøksvennene AS")
    official = MembershipFactory(organisation=stavanger, role=Membership.Role.ADMIN).user
    outsider = MembershipFactory(organisation=OrganisationFactory(name="Tredje AS")).user
    collaboration = CollaborationFactory(public_body=stavanger, partner=enterprise, title="Besøksvenner")
    pk = {"pk": collaboration.pk}
    page = new_page(browser)
    sign_in(page, official)

    # From the front page through the account menu to the record and its effects.
    page.goto(live_server.url + reverse("pages:front"))
    page.locator(f"a[href='{reverse('collaborations:list')}']").first.click()
    page.wait_for_load_state()
    click_href(page, collaboration.get_absolute_url())
    click_href(page, reverse("impact:overview", kwargs=pk))

    # An indicator with a baseline and a target.
    click_href(page, reverse("impact:indicator-add", kwargs=pk))
    page.locator("input[name=name]").fill("Besøk per uke")
    page.locator("input[name=unit]").fill("besøk")
    page.locator("input[name=direction][value=higher]").check()
    page.locator("input[name=baseline]").fill("2")
    page.locator("input[name=target]").fill("10")
    page.locator("textarea[name=data_source]").fill("Besøksloggen på sykehjemmet")
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_load_state()
    accessible(page)
    indicator = Indicator.objects.get(collaboration=collaboration)
    keys = {**pk, "indicator_pk": indicator.pk}

    # One measurement, its value typed and the form sent by keyboard: Tab to the button, Enter to send.
    page.locator("input[name=measurement-measured_on]").fill(timezone.localdate().isoformat())
    page.locator("input[name=measurement-value]").focus()
    page.keyboard.type("3,5")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "measurement-note"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    accessible(page)
    assert [m.value for m in indicator.measurements.all()] == [3.5]

    # More measurements from a spreadsheet; the bad row is reported, the good ones kept.
    csv = Path(settings.BASE_DIR) / "var" / "e2e-malinger.csv"
    csv.parent.mkdir(exist_ok=True)
    csv.write_text("dato;verdi;merknad\n01.01.2026;2,5;\n01.02.2026;ikke et tall;\n", encoding="utf-8")
    page.locator("input[name=upload-file]").set_input_files(csv)
    submit(page, reverse("impact:measurements-upload", kwargs=keys))
    assert indicator.measurements.count() == 2
    assert page.get_by_role("status").is_visible()
    chart = page.locator("svg[role=img]")
    assert chart.count() == 1
    assert chart.locator("title").text_content()
    assert page.locator("table").filter(has_text="2,5").count() >= 1

    # The SROI: the investment first, then one outcome with every number's evidence.
    click_href(page, reverse("impact:overview", kwargs=pk))
    click_href(page, reverse("impact:sroi", kwargs=pk))
    page.locator("input[name=analysis-investment_nok]").fill("500 000")
    submit(page, reverse("impact:sroi", kwargs=pk))
    click_href(page, reverse("impact:sroi-outcome-new", kwargs=pk))
    page.locator("input[name=outcome-name]").fill("Færre ensomme beboere")
    page.locator("select[name=outcome-indicator]").select_option(label="Besøk per uke")
    page.locator("input[name=outcome-quantity]").fill("20")
    page.locator("input[name=outcome-proxy_value_nok]").fill("50 000")
    for share, value in {"deadweight": "20", "displacement": "0", "attribution": "25", "drop_off": "50"}.items():
        page.locator(f"input[name=outcome-{share}]").fill(value)
    page.locator("input[name=outcome-duration_years]").fill("3")
    for subject in SUBJECTS:
        page.locator(f"select[name=outcome-{subject}_evidence]").select_option(
            "estimate" if subject == "proxy" else "measured"
        )
        page.locator(f"textarea[name=outcome-{subject}_source]").fill(f"Kilde for {subject}")
    page.locator("form.stack-form button[type=submit]").click()
    page.wait_for_load_state()
    accessible(page)
    analysis = SroiAnalysis.objects.get(collaboration=collaboration)
    assert analysis.outcomes.get().assumptions.count() == 7
    result = page.locator("main").inner_text()
    assert re.search(r"1\s*:\s*\d", result), result

    # The effect report on screen and as PDF, naming the assumptions' sources.
    click_href(page, reverse("impact:overview", kwargs=pk))
    click_href(page, reverse("impact:report", kwargs=pk))
    assert page.get_by_text("Kilde for proxy").first.is_visible()
    with page.expect_download() as download:
        page.locator(f"a[href='{reverse('impact:report-pdf', kwargs=pk)}']").click()
    pdf = Path(download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert "Besøksvenner" in text
    assert "Færre ensomme beboere" in text

    # A private link for the council: it opens the report without an account, until it is revoked.
    links = page.locator(f"form[action='{reverse('impact:report-link-create', kwargs=pk)}']").last
    links.locator("input[name=report_link-label]").fill("Bystyret")
    links.locator("button[type=submit]").click()
    page.wait_for_load_state()
    accessible(page)
    shared_url = page.locator("#report-link-url").input_value()
    council = new_page(browser, width=320)
    council.goto(shared_url)
    accessible(council)
    assert council.get_by_text("Færre ensomme beboere").first.is_visible()
    assert too_wide(council, limit=320) is None
    click_href(page, reverse("impact:report", kwargs=pk))
    page.locator("main button[type=submit]", has_text="Bystyret").click()
    page.wait_for_load_state()
    assert council.goto(shared_url).status == 404

    # The parties' pages are private: a third organisation gets a 404 on each.
    stranger = new_page(browser)
    sign_in(stranger, outsider)
    for name in ("impact:overview", "impact:sroi", "impact:report", "impact:report-pdf"):
        assert stranger.goto(live_server.url + reverse(name, kwargs=pk)).status == 404
    assert stranger.goto(live_server.url + reverse("impact:indicator-detail", kwargs=keys)).status == 404


def test_the_effect_pages_fit_320_px(live_server, browser: Browser, sign_in):
    from samvei.impact.tests.factories import IndicatorFactory, MeasurementFactory

    stavanger = Organisation.objects.get(municipality__number="1103")
    official = MembershipFactory(organisation=stavanger).user
    collaboration = CollaborationFactory(public_body=stavanger, title="Besøksvenner")
    indicator = IndicatorFactory(collaboration=collaboration)
    MeasurementFactory(indicator=indicator)
    page = new_page(browser, width=320)
    sign_in(page, official)
    pk = {"pk": collaboration.pk}
    for url in (
        reverse("impact:overview", kwargs=pk),
        reverse("impact:indicator-detail", kwargs={**pk, "indicator_pk": indicator.pk}),
        reverse("impact:sroi", kwargs=pk),
        reverse("impact:report", kwargs=pk),
        reverse("impact:logic", kwargs=pk),
        reverse("impact:proxies"),
    ):
        page.goto(live_server.url + url)
        assert too_wide(page, limit=320) is None, url
