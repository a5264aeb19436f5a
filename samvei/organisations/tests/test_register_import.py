"""The bulk import fills the local Enhetsregisteret and verifies profiles against it; the command leaves what it
imported searchable and matchable when it ends."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from samvei.matching.models import MatchProfile
from samvei.organisations.importing import organisations_import
from samvei.organisations.models import Organisation, OrganisationEvent, RegisterEntry, VerificationStatus
from samvei.search.selectors import search

from .factories import MembershipFactory, OrganisationFactory
from .register_factories import valid_org_number


@pytest.fixture(autouse=True)
def english(default_language):
    with translation.override("en"):
        yield


def enhet(n, **overrides):
    values = {
        "organisasjonsnummer": valid_org_number(n),
        "navn": f"OMSORG {n} AS",
        "organisasjonsform": {"kode": "AS", "beskrivelse": "Aksjeselskap"},
        "forretningsadresse": {"kommunenummer": "1103", "poststed": "STAVANGER"},
        "registreringsdatoEnhetsregisteret": "2019-05-06",
        "konkurs": False,
        "underAvvikling": False,
        "underTvangsavviklingEllerTvangsopplosning": False,
    }
    return {**values, **overrides}


def run(*records, **kwargs):
    return organisations_import(stream=io.BytesIO(json.dumps(list(records)).encode()), **kwargs)


@pytest.mark.django_db
def test_the_import_fills_the_register_with_name_form_flags_and_dates():
    report = run(enhet(1), enhet(2, konkurs=True, slettedato="2024-06-01", organisasjonsform={"kode": "SA"}))

    first = RegisterEntry.objects.get(org_number=valid_org_number(1))
    second = RegisterEntry.objects.get(org_number=valid_org_number(2))
    assert report.register_entries == 2
    assert (first.name, first.organisation_form, first.bankrupt, first.deleted_on) == ("OMSORG 1 AS", "AS", False, None)
    assert first.registered_on.isoformat() == "2019-05-06"
    assert (first.source, first.fetched_at is not None) == (RegisterEntry.Source.BULK_FILE, True)
    assert (second.organisation_form, second.bankrupt, second.deleted_on.isoformat()) == ("SA", True, "2024-06-01")


@pytest.mark.django_db
def test_an_imported_unit_is_verified_against_the_register_it_came_with():
    run(enhet(1))

    organisation = Organisation.objects.get(org_number=valid_org_number(1))
    assert organisation.verification_status == VerificationStatus.VERIFIED
    assert organisation.events.filter(kind=OrganisationEvent.Kind.VERIFIED, actor=None).exists()


@pytest.mark.django_db
def test_a_second_import_updates_the_register_and_changes_no_verification():
    run(enhet(1))
    events = OrganisationEvent.objects.count()

    report = run(enhet(1))

    assert (report.unchanged, report.register_entries) == (1, 1)
    assert RegisterEntry.objects.count() == 1
    assert OrganisationEvent.objects.count() == events


@pytest.mark.django_db
def test_the_register_corrects_the_name_of_a_profile_kept_by_its_members_and_then_verifies_it():
    kept = OrganisationFactory(name="Oppdiktet Navn", org_number=valid_org_number(1), description="Vår tekst.")
    MembershipFactory(organisation=kept)

    report = run(enhet(1))

    kept.refresh_from_db()
    assert (report.rejected_count, report.updated) == (0, 1)
    assert (kept.name, kept.description) == ("OMSORG 1 AS", "Vår tekst.")
    assert RegisterEntry.objects.get(org_number=valid_org_number(1)).name == "OMSORG 1 AS"
    assert kept.verification_status == "verified"


@pytest.mark.django_db
def test_a_register_update_that_makes_a_unit_bankrupt_unverifies_its_profile():
    run(enhet(1))

    run(enhet(1, konkurs=True))

    organisation = Organisation.objects.get(org_number=valid_org_number(1))
    assert (organisation.verification_status, organisation.verification_reason) == ("unverified", "bankrupt")
    assert organisation.events.filter(kind=OrganisationEvent.Kind.UNVERIFIED).exists()


@pytest.mark.django_db
def test_json_lines_rows_are_not_register_data():
    line = {"org_number": valid_org_number(1), "name": "Omsorg", "kind": "social_enterprise"}

    report = organisations_import(stream=io.BytesIO(json.dumps(line).encode() + b"\n"))

    assert (report.created, report.register_entries) == (1, 0)
    assert not RegisterEntry.objects.exists()


@pytest.mark.django_db
def test_queries_per_batch_do_not_grow_with_the_register_batch():
    def queries(count, offset):
        with CaptureQueriesContext(connection) as context:
            run(*(enhet(n) for n in range(offset, offset + count)))
        return len(context.captured_queries)

    assert queries(3, offset=1) == queries(30, offset=100)


@pytest.mark.django_db
def test_the_command_counts_the_register_entries(tmp_path):
    path = tmp_path / "enheter.json"
    path.write_text(json.dumps([enhet(1), enhet(2)]), encoding="utf-8")
    out = io.StringIO()

    call_command("import_organisations", str(path), stdout=out)

    assert out.getvalue().splitlines()[0] == (
        "Created: 2, updated: 0, unchanged: 0, rejected: 0; Enhetsregisteret entries stored: 2"
    )


@pytest.mark.django_db(transaction=True)
def test_imported_organisations_are_searchable_and_matchable_when_the_command_ends(tmp_path):
    path = tmp_path / "enheter.json"
    record = enhet(1, navn="BESØKSVENNENE OMSORG AS", naeringskode1={"kode": "88.991"})
    path.write_text(json.dumps([record]), encoding="utf-8")

    call_command("import_organisations", str(path), stdout=io.StringIO())

    organisation = Organisation.objects.get(org_number=valid_org_number(1))
    assert "BESØKSVENNENE OMSORG AS" in [hit.title for hit in search(query="besøksvennene").hits]
    assert MatchProfile.objects.filter(kind="organisation", object_id=organisation.pk, active=True).exists()


@pytest.mark.django_db(transaction=True)
def test_the_command_refreshes_in_its_own_process_even_with_a_worker_queue(tmp_path, settings):
    """With the production queue nothing would run until the worker does; the command must not wait for it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    path = tmp_path / "enheter.json"
    path.write_text(json.dumps([enhet(1, navn="LEKSEHJELPEN VEST AS")]), encoding="utf-8")

    call_command("import_organisations", str(path), stdout=io.StringIO())

    organisation = Organisation.objects.get(org_number=valid_org_number(1))
    assert "LEKSEHJELPEN VEST AS" in [hit.title for hit in search(query="leksehjelpen").hits]
    assert MatchProfile.objects.filter(kind="organisation", object_id=organisation.pk, active=True).exists()
