"""Which public bodies Samvei recognises (§6): reference data, Enhetsregisteret's sector code, or staff. A
registration that only says it is one («NAV …») neither publishes challenges nor receives pitches."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samvei.challenges import permissions as challenge_permissions
from samvei.challenges.services import challenge_create, pitch_submit
from samvei.organisations import services
from samvei.organisations.models import Organisation, OrganisationEvent
from samvei.organisations.selectors import recognised_public_bodies, unverified_organisations

from .factories import MembershipFactory, OrganisationFactory
from .register_factories import RegisterEntryFactory, valid_org_number

pytestmark = pytest.mark.django_db


def _register_agency(user, **data):
    return services.organisation_register(
        user=user, kind=Organisation.Kind.STATE_AGENCY, data={"name": "NAV Innovasjon", **data}
    )


def test_a_registered_state_agency_is_not_a_public_body_until_confirmed(outsider):
    agency = _register_agency(outsider)

    assert agency.is_public_body_kind is True
    assert agency.is_public_body is False
    assert agency not in recognised_public_bodies()
    assert agency in unverified_organisations()


def test_an_unconfirmed_agency_cannot_publish_a_challenge(outsider):
    agency = _register_agency(outsider)

    assert challenge_permissions.can_create_challenge(user=outsider, organisation=agency) is False
    with pytest.raises(ValidationError):
        challenge_create(owner=agency, actor=outsider, data={"title": "T", "description": "D"})


def test_an_unconfirmed_agency_cannot_receive_ideas(outsider, org_b, member_b):
    agency = _register_agency(outsider)

    with pytest.raises(ValidationError):
        pitch_submit(sender=org_b, actor=member_b, data={"title": "T", "summary": "S"}, uploads=[], receiver=agency)


def test_the_sector_code_for_central_government_recognises_an_agency(outsider):
    entry = RegisterEntryFactory(name="NAV INNOVASJON", organisation_form="ORGL", sector_code="6100")

    agency = _register_agency(outsider, org_number=entry.org_number)

    assert agency.is_public_body is True
    assert agency.events.filter(kind=OrganisationEvent.Kind.PUBLIC_BODY_CONFIRMED).exists()


def test_a_private_sector_code_does_not_recognise_an_agency(outsider):
    entry = RegisterEntryFactory(name="NAV INNOVASJON", organisation_form="AS", sector_code="2100")

    agency = _register_agency(outsider, org_number=entry.org_number)

    assert agency.is_public_body is False


def test_staff_confirm_an_agency_and_the_confirmation_ends_when_the_number_changes(outsider, staff):
    agency = _register_agency(outsider)

    services.organisation_public_body_confirm(organisation=agency, actor=staff)
    agency.refresh_from_db()
    assert agency.is_public_body is True

    services.organisation_update(organisation=agency, actor=outsider, data={"org_number": valid_org_number(7)})
    agency.refresh_from_db()
    assert agency.is_public_body is False


def test_reference_bodies_and_the_sourced_state_agencies_are_recognised(stavanger):
    assert stavanger.is_public_body is True
    assert Organisation.objects.get(slug="bufdir").is_public_body is True


def test_the_registrant_is_told_that_staff_check_the_public_body(client, outsider):
    client.force_login(outsider)

    response = client.post(
        reverse("organisations:register"), {"kind": "state_agency", "name": "NAV Innovasjon"}, follow=True
    )

    assert "publisere utfordringer" in response.text or "publish challenges" in response.text


def test_staff_see_the_confirm_button_on_an_unconfirmed_agency(client, outsider, staff):
    agency = _register_agency(outsider)
    client.force_login(staff)

    page = client.get(agency.get_absolute_url()).text

    assert reverse("organisations:public-body-confirm", kwargs={"slug": agency.slug}) in page


def test_an_imported_agency_with_a_public_sector_code_is_recognised():
    from samvei.organisations.register import verify_in_bulk

    entry = RegisterEntryFactory(name="STATENS TESTETAT", organisation_form="ORGL", sector_code="6100")
    agency = OrganisationFactory(
        name="Statens testetat", kind=Organisation.Kind.STATE_AGENCY, org_number=entry.org_number
    )
    MembershipFactory(organisation=agency)

    verify_in_bulk(org_numbers=[entry.org_number])

    agency.refresh_from_db()
    assert agency.is_public_body is True


def test_staff_are_told_by_e_mail_that_an_unconfirmed_agency_waits(
    outsider, staff, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        agency = _register_agency(outsider)

    assert [message.to for message in mailoutbox] == [[staff.email]]
    assert agency.name in mailoutbox[0].subject
    assert reverse("organisations:unverified") in mailoutbox[0].body


def test_staff_are_not_told_about_an_agency_the_register_recognises(
    outsider, staff, mailoutbox, django_capture_on_commit_callbacks
):
    entry = RegisterEntryFactory(name="NAV INNOVASJON", organisation_form="ORGL", sector_code="6100")

    with django_capture_on_commit_callbacks(execute=True):
        _register_agency(outsider, org_number=entry.org_number)

    assert mailoutbox == []
