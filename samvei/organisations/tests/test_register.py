"""The verification rule: a profile's number and name against the local copy of Enhetsregisteret, and what the
services do with the outcome (refuse, verify, or keep unverified with a reason)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from samvei.organisations.models import Organisation, OrganisationEvent, VerificationReason, VerificationStatus
from samvei.organisations.register import Outcome, compare, normalise_name, register_check
from samvei.organisations.services import organisation_register, organisation_update, organisation_verification_confirm

from .register_factories import RegisterEntryFactory, valid_org_number

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(default_language):
    """Refusals are translated; the assertions below read the English msgids."""
    with translation.override("en"):
        yield


@pytest.fixture
def besoksvennene(db):
    return RegisterEntryFactory(org_number="923609016", name="BESØKSVENNENE AS", organisation_form="AS")


def _codes(error: ValidationError, field: str = "org_number") -> list[str | None]:
    return [item.code for item in error.error_dict[field]]


# The rule ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "registered"),
    [
        ("Besøksvennene AS", "BESØKSVENNENE AS"),
        ("Besøksvennene A/S", "BESØKSVENNENE AS"),
        ("  besøksvennene   as ", "BESØKSVENNENE AS"),
        ("Besøksvennene", "BESØKSVENNENE AS"),
        ("Norsk Bolig A.S.", "A/S NORSK BOLIG"),
        ("Kafé & Omsorg SA", "KAFÉ OMSORG SA"),
        ("Leksehjelpen-Vest", "LEKSEHJELPEN VEST"),
    ],
)
def test_names_equal_after_normalisation_match(given, registered):
    assert normalise_name(given) == normalise_name(registered)


@pytest.mark.parametrize(("given", "registered"), [("Besøksvennene", "BESØKSVENNER AS"), ("Noen AS", "NOEN ANDRE AS")])
def test_different_names_do_not_normalise_alike(given, registered):
    assert normalise_name(given) != normalise_name(registered)


def test_a_name_equal_to_the_register_is_a_match(besoksvennene):
    check = compare(entry=besoksvennene, name="Besøksvennene A/S", organisation_form="AS")

    assert (check.outcome, check.reason) == (Outcome.MATCH, VerificationReason.MATCHES)


def test_another_name_on_a_registered_number_is_a_mismatch(besoksvennene):
    check = compare(entry=besoksvennene, name="Helt Oppdiktet Omsorg AS")

    assert (check.outcome, check.reason) == (Outcome.MISMATCH, VerificationReason.NAME_DIFFERS)


def test_a_number_not_in_the_local_register_is_unknown():
    check = register_check(org_number=valid_org_number(1), name="Hvem Som Helst AS")

    assert (check.outcome, check.reason) == (Outcome.UNKNOWN, VerificationReason.NOT_IN_REGISTER)


def test_a_deleted_unit_is_a_mismatch_even_with_the_right_name():
    entry = RegisterEntryFactory(name="NEDLAGT AS", deleted_on=datetime.date(2022, 8, 9))

    check = compare(entry=entry, name="Nedlagt AS")

    assert (check.outcome, check.reason) == (Outcome.MISMATCH, VerificationReason.DELETED)


def test_a_bankrupt_unit_is_a_mismatch_even_with_the_right_name():
    entry = RegisterEntryFactory(name="KONKURS AS", bankrupt=True)

    check = compare(entry=entry, name="Konkurs AS")

    assert (check.outcome, check.reason) == (Outcome.MISMATCH, VerificationReason.BANKRUPT)


def test_a_unit_under_liquidation_is_a_mismatch():
    entry = RegisterEntryFactory(name="AVVIKLES AS", under_liquidation=True)

    assert compare(entry=entry, name="Avvikles AS").reason == VerificationReason.WOUND_UP


def test_another_organisation_form_is_a_mismatch(besoksvennene):
    check = compare(entry=besoksvennene, name="Besøksvennene", organisation_form="SA")

    assert (check.outcome, check.reason) == (Outcome.MISMATCH, VerificationReason.FORM_DIFFERS)


def test_the_check_reads_the_local_register(besoksvennene):
    check = register_check(org_number="923609016", name="Besøksvennene AS")

    assert (check.outcome, check.entry) == (Outcome.MATCH, besoksvennene)


def test_a_profile_without_a_number_is_unknown():
    assert register_check(org_number=None, name="Uten Nummer").reason == VerificationReason.NO_ORG_NUMBER


# Registering and editing ----------------------------------------------------------------------------------


def _register(user, **data):
    return organisation_register(user=user, kind=Organisation.Kind.SOCIAL_ENTERPRISE, data=data)


def test_registering_a_registered_number_under_another_name_is_refused_naming_the_registered_name(
    outsider, besoksvennene
):
    with pytest.raises(ValidationError) as refused:
        _register(outsider, name="Oppdiktet Omsorg AS", org_number="923609016")

    assert _codes(refused.value) == ["org_number_name_differs"]
    assert "BESØKSVENNENE AS" in refused.value.error_dict["org_number"][0].messages[0]
    assert not Organisation.objects.filter(org_number="923609016").exists()


def test_registering_a_deleted_number_is_refused(outsider):
    entry = RegisterEntryFactory(name="NEDLAGT AS", deleted_on=datetime.date(2022, 8, 9))

    with pytest.raises(ValidationError) as refused:
        _register(outsider, name="Nedlagt AS", org_number=entry.org_number)

    assert _codes(refused.value) == ["org_number_deleted"]


def test_registering_a_matching_number_verifies_the_profile_and_writes_an_event(outsider, besoksvennene):
    organisation = _register(outsider, name="Besøksvennene", org_number="923609016", organisation_form="AS")

    organisation.refresh_from_db()
    assert organisation.verification_status == VerificationStatus.VERIFIED
    assert organisation.verification_reason == VerificationReason.MATCHES
    assert organisation.verification_checked_at is not None
    assert organisation.verification_checked_by is None
    assert organisation.events.filter(kind=OrganisationEvent.Kind.VERIFIED, actor=outsider).exists()


def test_registering_an_unknown_number_is_accepted_but_unverified(outsider):
    organisation = _register(outsider, name="Ny Omsorg AS", org_number=valid_org_number(2))

    organisation.refresh_from_db()
    assert organisation.verification_status == VerificationStatus.UNVERIFIED
    assert organisation.verification_reason == VerificationReason.NOT_IN_REGISTER


def test_registering_a_bankrupt_unit_is_accepted_but_unverified_with_the_reason(outsider):
    entry = RegisterEntryFactory(name="KONKURS AS", bankrupt=True)

    organisation = _register(outsider, name="Konkurs AS", org_number=entry.org_number)

    assert (organisation.verification_status, organisation.verification_reason) == ("unverified", "bankrupt")


def test_renaming_a_verified_profile_away_from_the_registered_name_is_refused(org_a, admin_a, besoksvennene):
    organisation_update(organisation=org_a, actor=admin_a, data={"name": "Besøksvennene AS", "org_number": "923609016"})

    with pytest.raises(ValidationError) as refused:
        organisation_update(organisation=org_a, actor=admin_a, data={"name": "Noe Annet AS"})

    assert _codes(refused.value) == ["org_number_name_differs"]
    assert Organisation.objects.get(pk=org_a.pk).name == "Besøksvennene AS"


def test_removing_the_number_makes_a_verified_profile_unverified(org_a, admin_a, besoksvennene):
    organisation_update(organisation=org_a, actor=admin_a, data={"name": "Besøksvennene AS", "org_number": "923609016"})

    organisation_update(organisation=org_a, actor=admin_a, data={"org_number": None})

    org_a.refresh_from_db()
    assert (org_a.verification_status, org_a.verification_reason) == ("unverified", "no_org_number")
    assert org_a.events.filter(kind=OrganisationEvent.Kind.UNVERIFIED).exists()


def test_a_staff_confirmation_stands_when_the_profile_text_changes(org_a, admin_a, staff):
    organisation_verification_confirm(organisation=org_a, actor=staff, note="Ringte daglig leder.")

    organisation_update(organisation=org_a, actor=admin_a, data={"description": "Ny tekst"})

    org_a.refresh_from_db()
    assert org_a.verification_status == VerificationStatus.STAFF_CONFIRMED
    assert (org_a.verification_checked_by, org_a.verification_note) == (staff, "Ringte daglig leder.")


def test_a_staff_confirmation_ends_when_the_number_changes(org_a, admin_a, staff):
    organisation_verification_confirm(organisation=org_a, actor=staff)

    organisation_update(organisation=org_a, actor=admin_a, data={"org_number": valid_org_number(3)})

    org_a.refresh_from_db()
    assert (org_a.verification_status, org_a.verification_reason) == ("unverified", "not_in_register")


def test_staff_confirmation_writes_who_when_and_an_event(org_a, staff):
    organisation_verification_confirm(organisation=org_a, actor=staff, note="Sjekket nettsiden.")

    org_a.refresh_from_db()
    event = org_a.events.get(kind=OrganisationEvent.Kind.STAFF_CONFIRMED)
    assert (org_a.verification_status, org_a.verification_reason) == ("staff_confirmed", "staff_confirmed")
    assert org_a.verification_checked_at is not None
    assert (event.actor, event.detail["note"]) == (staff, "Sjekket nettsiden.")


def test_a_verified_profile_cannot_be_confirmed_again(org_a, staff):
    organisation_verification_confirm(organisation=org_a, actor=staff)

    with pytest.raises(ValidationError) as refused:
        organisation_verification_confirm(organisation=org_a, actor=staff)

    assert refused.value.code == "already_verified"
    assert org_a.events.filter(kind=OrganisationEvent.Kind.STAFF_CONFIRMED).count() == 1


def test_an_overlong_note_is_refused_and_nothing_changes(org_a, staff):
    with pytest.raises(ValidationError) as refused:
        organisation_verification_confirm(organisation=org_a, actor=staff, note="x" * 1001)

    assert refused.value.code == "note_too_long"
    assert Organisation.objects.get(pk=org_a.pk).verification_status == VerificationStatus.UNVERIFIED
