import datetime

import pytest

from samvei.agreements.drafting import NOTICE, NoTemplateInForce, agreement_draft, fill
from samvei.agreements.models import AgreementTemplate

from .factories import AgreementTemplateFactory

DAY = datetime.date(2027, 1, 15)


def test_known_placeholders_are_filled():
    assert fill("{public_body} og {partner}", {"public_body": "Stavanger kommune", "partner": "Noen AS"}) == (
        "Stavanger kommune og Noen AS"
    )


def test_an_unknown_placeholder_stays_visible():
    assert fill("Frist: {deadline}", {"public_body": "X"}) == "Frist: {deadline}"


@pytest.mark.parametrize("text", ["{", "}", "{0}", "{public_body.__class__}", "{public_body[0]}", "{{x}}", "{!r}"])
def test_text_that_is_no_placeholder_is_left_as_written(text):
    assert fill(text, {"public_body": "Stavanger kommune"}) == text


def test_the_draft_fills_the_record_into_the_clauses(collaboration):
    template = AgreementTemplateFactory()

    draft = agreement_draft(collaboration=collaboration, day=DAY, template=template)

    assert draft.clauses[0].text == "Avtalen er mellom Stavanger kommune og Besøksvennene AS."
    assert draft.clauses[1].text == "Samarbeidet gjelder «Besøksvenn på sykehjem» til 30. juni 2027."


def test_a_missing_pilot_end_shows_as_not_set(collaboration):
    collaboration.pilot_ends_on = None

    draft = agreement_draft(collaboration=collaboration, day=DAY, template=AgreementTemplateFactory())

    assert draft.clauses[1].text.endswith("til [ikke fastsatt].")


def test_a_template_with_an_unknown_placeholder_still_drafts(collaboration):
    template = AgreementTemplateFactory(clauses=[{"heading": "Pris", "text": "Pris: {price} for {partner}."}])

    draft = agreement_draft(collaboration=collaboration, day=DAY, template=template)

    assert draft.clauses[0].text == "Pris: {price} for Besøksvennene AS."


def test_the_milestones_placeholder_lists_the_record_milestones(collaboration, milestone):
    template = AgreementTemplateFactory(clauses=[{"heading": "Milepæler", "text": "{milestones}"}])

    draft = agreement_draft(collaboration=collaboration, day=DAY, template=template)

    assert draft.clauses[0].text == "«Første besøk», frist 1. februar 2027, ansvarlig Besøksvennene AS."
    assert [row.title for row in draft.milestones] == ["Første besøk"]


def test_no_milestones_is_said_in_words(collaboration):
    template = AgreementTemplateFactory(clauses=[{"heading": "Milepæler", "text": "{milestones}"}])

    draft = agreement_draft(collaboration=collaboration, day=DAY, template=template)

    assert draft.clauses[0].text == "Ingen milepæler er registrert ennå."


def test_the_draft_names_its_template_version_and_source(collaboration):
    template = AgreementTemplateFactory(version=3, source__title="Veier til samarbeid")

    draft = agreement_draft(collaboration=collaboration, day=DAY, template=template)

    assert f"«{template.title_nb}», versjon 3" in draft.provenance
    assert "Kilde: «Veier til samarbeid»" in draft.provenance
    assert "1. mars 2017" in draft.provenance
    assert draft.notice == NOTICE == "UTKAST – ikke juridisk rådgivning"


def test_the_draft_uses_the_data_template_of_the_form(collaboration):
    draft = agreement_draft(collaboration=collaboration, day=DAY)

    assert draft.template.key == "pilot-agreement"
    assert draft.title == "Pilotavtale: Besøksvenn på sykehjem"
    assert "Besøksvennene AS" in draft.clauses[0].text
    assert "{" not in " ".join(clause.text for clause in draft.clauses)


def test_no_template_in_force_refuses_to_draft(collaboration):
    AgreementTemplate.objects.all().delete()

    with pytest.raises(NoTemplateInForce):
        agreement_draft(collaboration=collaboration, day=DAY)
