"""Who owns which facts when an import meets an organisation Samvei already has: reference data is never
renamed; a profile its members keep changes only in what Enhetsregisteret owns (its registered name, form and
industry), so registering someone else's number first cannot keep a false name on it (issue 12)."""

import io
import json

import pytest

from samvei.organisations.importing import organisations_import
from samvei.organisations.models import Organisation, OrganisationEvent

from .factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def _import(record: dict) -> object:
    return organisations_import(stream=io.BytesIO(json.dumps(record).encode()))


@pytest.fixture
def kept():
    """A profile its members keep, registered under a number Enhetsregisteret gives to someone else."""
    organisation = OrganisationFactory(
        name="Besøksvennene AS", org_number="974760673", kind="social_enterprise", description="Vår tekst."
    )
    MembershipFactory(organisation=organisation)
    return organisation


def _register_row(name: str) -> dict:
    return {
        "organisasjonsnummer": "974760673",
        "navn": name,
        "organisasjonsform": {"kode": "SA"},
        "naeringskode1": {"kode": "88.991"},
        "hjemmeside": "www.example.org",
        "forretningsadresse": {"kommunenummer": "0301"},
    }


def test_a_state_agency_from_reference_data_is_not_renamed_by_an_import():
    line = json.dumps({"organisasjonsnummer": "911830868", "navn": "FEIL NAVN AS", "organisasjonsform": {"kode": "AS"}})

    report = organisations_import(stream=io.BytesIO(line.encode()))

    assert report.rejected_count == 1
    assert Organisation.objects.get(org_number="911830868").name == "Kriminalomsorgsdirektoratet"


def test_a_json_lines_row_does_not_overwrite_an_organisation_its_members_keep(kept):
    report = _import({"org_number": "974760673", "name": "Noe annet AS", "kind": "business"})

    kept.refresh_from_db()
    assert report.rejected_count == 1
    assert "medlemmene" in report.rejected[0].reason
    assert (kept.name, kept.kind) == ("Besøksvennene AS", "social_enterprise")


def test_the_register_corrects_the_name_form_and_industry_of_a_kept_profile(kept):
    report = _import(_register_row("KIRKENS BYMISJON SA"))

    kept.refresh_from_db()
    assert report.updated == 1
    assert (kept.name, kept.organisation_form, kept.industry_code) == ("KIRKENS BYMISJON SA", "SA", "88.991")
    event = kept.events.filter(kind=OrganisationEvent.Kind.IMPORTED).get()
    assert event.detail == {"created": False, "fields": ["industry_code", "name", "organisation_form"]}


def test_the_register_leaves_what_the_members_own(kept):
    _import(_register_row("KIRKENS BYMISJON SA"))

    kept.refresh_from_db()
    assert (kept.kind, kept.description, kept.website) == ("social_enterprise", "Vår tekst.", "")
    assert not kept.municipalities.exists()


def test_the_members_spelling_of_the_registered_name_is_kept(kept):
    _import(_register_row("BESØKSVENNENE AS"))

    kept.refresh_from_db()
    assert kept.name == "Besøksvennene AS"
    assert kept.organisation_form == "SA"


def test_an_unchanged_kept_profile_counts_as_unchanged(kept):
    _import(_register_row("BESØKSVENNENE AS"))

    report = _import(_register_row("BESØKSVENNENE AS"))

    assert (report.updated, report.unchanged, report.rejected_count) == (0, 1, 0)
