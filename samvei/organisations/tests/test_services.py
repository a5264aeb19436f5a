import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from samvei.accounts.tests.factories import UserFactory
from samvei.organisations import services
from samvei.organisations.models import Claim, ContactPoint, Invitation, Membership, Organisation, OrganisationEvent

from .factories import ContactPointFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_registering_an_organisation_makes_the_user_its_admin(outsider):
    organisation = services.organisation_register(
        user=outsider, kind="social_enterprise", data={"name": "Ny Bedrift AS", "org_number": "974760673"}
    )

    assert organisation.slug == "ny-bedrift-as"
    assert Membership.objects.get(user=outsider, organisation=organisation).role == Membership.Role.ADMIN
    assert organisation.events.filter(kind=OrganisationEvent.Kind.CREATED, actor=outsider).exists()


def test_registering_refuses_a_municipality(outsider):
    with pytest.raises(ValidationError):
        services.organisation_register(user=outsider, kind="municipality", data={"name": "Ny kommune"})

    assert not Organisation.objects.filter(name="Ny kommune").exists()


def test_registering_refuses_an_invalid_org_number_and_stores_nothing(outsider):
    with pytest.raises(ValidationError):
        services.organisation_register(
            user=outsider, kind="social_enterprise", data={"name": "Feil AS", "org_number": "123456789"}
        )

    assert not Organisation.objects.filter(name="Feil AS").exists()
    assert not Membership.objects.filter(user=outsider).exists()


def test_update_records_which_fields_changed(org_a, admin_a):
    services.organisation_update(organisation=org_a, actor=admin_a, data={"name": "Nytt navn", "mission": ""})

    event = org_a.events.get(kind=OrganisationEvent.Kind.PROFILE_UPDATED)
    assert event.detail == {"fields": ["name"]}
    assert event.actor == admin_a


def test_invitation_is_emailed_and_accepted_by_the_invited_address(org_a, admin_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invitation_create(
            organisation=org_a, email="kollega@example.org", role="member", invited_by=admin_a
        )
    colleague = UserFactory(email="kollega@example.org")

    membership = services.invitation_accept(invitation=invitation, user=colleague)

    assert membership.organisation == org_a
    assert mail.outbox[-1].to == ["kollega@example.org"]
    assert invitation.token in mail.outbox[-1].body


def test_invitation_cannot_be_accepted_by_someone_else(org_a, admin_a, outsider):
    invitation = services.invitation_create(
        organisation=org_a, email="kollega@example.org", role="member", invited_by=admin_a
    )

    with pytest.raises(ValidationError, match=r"kollega@example\.org"):
        services.invitation_accept(invitation=invitation, user=outsider)

    assert not Membership.objects.filter(user=outsider).exists()


def test_expired_invitation_is_refused(org_a, admin_a):
    invitation = services.invitation_create(
        organisation=org_a, email="sen@example.org", role="member", invited_by=admin_a
    )
    Invitation.objects.filter(pk=invitation.pk).update(created_at=timezone.now() - datetime.timedelta(days=15))
    invitation.refresh_from_db()

    with pytest.raises(ValidationError, match=r"expired|utløpt"):
        services.invitation_accept(invitation=invitation, user=UserFactory(email="sen@example.org"))


def test_inviting_an_existing_member_is_refused(org_a, admin_a, member_a):
    with pytest.raises(ValidationError):
        services.invitation_create(organisation=org_a, email=member_a.email, role="member", invited_by=admin_a)


def test_the_last_admin_cannot_be_removed(org_a, admin_a, staff):
    membership = Membership.objects.get(user=admin_a, organisation=org_a)

    with pytest.raises(ValidationError):
        services.membership_remove(membership=membership, actor=staff)

    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_member_can_be_removed_and_the_removal_is_recorded(org_a, admin_a, member_a):
    membership = Membership.objects.get(user=member_a, organisation=org_a)

    services.membership_remove(membership=membership, actor=admin_a)

    assert not Membership.objects.filter(user=member_a, organisation=org_a).exists()
    assert org_a.events.filter(kind=OrganisationEvent.Kind.MEMBER_REMOVED, actor=admin_a).exists()


def test_claim_with_a_verified_address_on_the_verified_domain_is_approved_at_once(org_a):
    user = UserFactory(email="leder@org-a.no")

    claim = services.claim_submit(organisation=org_a, user=user, message="Jeg er daglig leder")

    assert claim.status == Claim.Status.APPROVED
    assert claim.approved_automatically is True
    assert Membership.objects.get(user=user, organisation=org_a).role == Membership.Role.ADMIN


def test_claim_with_an_unverified_address_on_the_domain_waits_for_staff(org_a):
    user = UserFactory(email="leder@org-a.no", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    claim = services.claim_submit(organisation=org_a, user=user, message="Jeg er daglig leder")

    assert claim.status == Claim.Status.PENDING
    assert not Membership.objects.filter(user=user).exists()


def test_staff_approval_makes_the_claimant_a_member_when_the_organisation_has_an_admin(
    org_a, admin_a, outsider, staff, django_capture_on_commit_callbacks
):
    claim = services.claim_submit(organisation=org_a, user=outsider, message="Jeg jobber her")

    with django_capture_on_commit_callbacks(execute=True):
        services.claim_decide(claim=claim, reviewer=staff, approve=True)

    assert Membership.objects.get(user=outsider, organisation=org_a).role == Membership.Role.MEMBER
    assert mail.outbox[-1].to == [outsider.email]


def test_a_decided_claim_cannot_be_decided_again(org_a, outsider, staff):
    claim = services.claim_submit(organisation=org_a, user=outsider, message="Jeg jobber her")
    services.claim_decide(claim=claim, reviewer=staff, approve=False, note="Fant ingen tilknytning")

    with pytest.raises(ValidationError):
        services.claim_decide(claim=claim, reviewer=staff, approve=True)

    assert not Membership.objects.filter(user=outsider).exists()


def test_new_entry_contact_replaces_the_old_one(stavanger, stavanger_member):
    old = ContactPointFactory(organisation=stavanger, is_entry_contact=True)

    new = services.contact_point_save(
        organisation=stavanger,
        actor=stavanger_member,
        data={
            "unit": "Innovasjon",
            "role_title": "Rådgiver",
            "email": "ny@example.org",
            "decides_on": "Tar imot ideer.",
            "is_entry_contact": True,
            "welfare_areas": [],
        },
    )

    old.refresh_from_db()
    assert new.is_entry_contact is True
    assert old.is_entry_contact is False
    assert ContactPoint.objects.filter(organisation=stavanger, is_entry_contact=True).count() == 1


def test_contact_points_belong_only_to_public_bodies(org_a, admin_a):
    with pytest.raises(ValidationError):
        services.contact_point_save(
            organisation=org_a,
            actor=admin_a,
            data={"unit": "X", "role_title": "Y", "email": "x@example.org", "decides_on": "Z"},
        )

    assert not ContactPoint.objects.filter(organisation=org_a).exists()


def test_confirming_marks_a_stale_contact_point_as_current(stavanger, stavanger_member):
    point = ContactPointFactory(organisation=stavanger, last_confirmed_on=datetime.date(2024, 1, 1))
    assert point.is_possibly_outdated is True

    services.contact_point_confirm(contact_point=point, actor=stavanger_member)

    point.refresh_from_db()
    assert point.last_confirmed_on == timezone.localdate()
    assert point.is_possibly_outdated is False


def test_member_of_another_organisation_is_unaffected_by_removals(org_a, admin_a, member_b):
    """Removing someone from A never touches their membership in B."""
    other = MembershipFactory(organisation=org_a, user=member_b)

    services.membership_remove(membership=other, actor=admin_a)

    assert Membership.objects.filter(user=member_b).count() == 1
