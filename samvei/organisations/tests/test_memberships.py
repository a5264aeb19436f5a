"""Who acts for an organisation (memberships.py): staff never approve their own claim, auto-approval trusts only
the verified domain, and every change to the people is an event e-mailed to the organisation's admins."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from samvei.accounts.tests.factories import StaffFactory, UserFactory
from samvei.organisations import services
from samvei.organisations.models import Claim, Membership, OrganisationEvent

from .factories import MembershipFactory

pytestmark = pytest.mark.django_db


def _mails_to(address):
    return [message for message in mail.outbox if address in message.to]


# Claims by staff (§3) -------------------------------------------------------------------------------------------


def test_staff_cannot_approve_their_own_claim(org_a, staff):
    claim = services.claim_submit(organisation=org_a, user=staff, message="Jeg er ansatt her.")

    with pytest.raises(ValidationError) as refused:
        services.claim_decide(claim=claim, reviewer=staff, approve=True)

    assert refused.value.code == "own_claim"
    assert Claim.objects.get(pk=claim.pk).status == Claim.Status.PENDING
    assert not Membership.objects.filter(user=staff, organisation=org_a).exists()


def test_staff_approving_their_own_claim_on_the_review_page_is_refused(client, org_a, staff):
    claim = services.claim_submit(organisation=org_a, user=staff, message="Jeg er ansatt her.")
    client.force_login(staff)

    response = client.post(
        reverse("organisations:claim-decide", kwargs={"claim_id": claim.pk}), {"decision": "approve"}
    )

    assert response.status_code == 403
    assert not Membership.objects.filter(user=staff, organisation=org_a).exists()


def test_the_review_page_offers_no_decision_on_the_staffs_own_claim(client, org_a, staff):
    claim = services.claim_submit(organisation=org_a, user=staff, message="Jeg er ansatt her.")
    client.force_login(staff)

    page = client.get(reverse("organisations:claims")).text

    assert reverse("organisations:claim-decide", kwargs={"claim_id": claim.pk}) not in page


def test_a_second_member_of_staff_approves_a_staff_claim(org_a, admin_a, staff):
    claim = services.claim_submit(organisation=org_a, user=staff, message="Jeg er ansatt her.")

    services.claim_decide(claim=claim, reviewer=StaffFactory(), approve=True)

    assert Membership.objects.filter(user=staff, organisation=org_a).exists()


def test_the_organisations_admin_approves_a_claim_on_the_members_page(client, org_a, admin_a, outsider):
    claim = services.claim_submit(organisation=org_a, user=outsider, message="Jeg jobber her.")
    client.force_login(admin_a)

    response = client.post(
        reverse("organisations:claim-decide", kwargs={"claim_id": claim.pk}), {"decision": "approve"}
    )

    assert response["Location"] == reverse("organisations:members", kwargs={"slug": org_a.slug})
    assert Membership.objects.get(user=outsider, organisation=org_a).role == Membership.Role.MEMBER


def test_a_staff_approval_is_emailed_to_the_organisations_admins(
    org_a, admin_a, staff, django_capture_on_commit_callbacks
):
    claimant = UserFactory(email="nykommer@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        claim = services.claim_submit(organisation=org_a, user=claimant, message="Jeg jobber her.")
        services.claim_decide(claim=claim, reviewer=staff, approve=True)

    bodies = [message.body for message in _mails_to(admin_a.email)]
    assert any("nykommer@example.org" in body and staff.email in body for body in bodies)


# Every membership change is an event and an e-mail to the admins -----------------------------------------------


def _change_role(org, admin, member):
    services.membership_set_role(membership=member, role=Membership.Role.ADMIN, actor=admin)


def _remove(org, admin, member):
    services.membership_remove(membership=member, actor=admin)


def _leave(org, admin, member):
    services.membership_leave(membership=member, user=member.user)


def _refuse(org, admin, member):
    claim = services.claim_submit(organisation=org, user=UserFactory(), message="Slipp meg inn.")
    services.claim_decide(claim=claim, reviewer=StaffFactory(), approve=False)


def _auto_approve(org, admin, member):
    services.claim_submit(organisation=org, user=UserFactory(email="ny@org-a.no"), message="Jeg jobber her.")


@pytest.mark.parametrize(
    ("change", "kind"),
    [
        (_change_role, OrganisationEvent.Kind.MEMBER_ROLE_CHANGED),
        (_remove, OrganisationEvent.Kind.MEMBER_REMOVED),
        (_leave, OrganisationEvent.Kind.MEMBER_LEFT),
        (_refuse, OrganisationEvent.Kind.CLAIM_REJECTED),
        (_auto_approve, OrganisationEvent.Kind.CLAIM_APPROVED),
    ],
)
def test_every_membership_change_is_an_event_emailed_to_the_admins(
    org_a, admin_a, change, kind, django_capture_on_commit_callbacks
):
    other_admin = MembershipFactory(organisation=org_a, role=Membership.Role.ADMIN).user
    member = MembershipFactory(organisation=org_a)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        change(org_a, admin_a, member)

    event = org_a.events.get(kind=kind)
    assert event.detail["email"]
    assert [message for message in _mails_to(other_admin.email) if event.detail["email"] in message.body]


def test_the_admin_e_mail_is_in_bokmal_with_the_name_on_one_line(
    org_a, admin_a, staff, django_capture_on_commit_callbacks
):
    member = MembershipFactory(organisation=org_a)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_remove(membership=member, actor=staff)

    message = _mails_to(admin_a.email)[-1]
    assert "Organisasjon A" in message.subject
    assert "fjernet" in message.body.lower()


def test_a_member_leaves_but_the_last_admin_cannot(org_a, admin_a, member_a):
    services.membership_leave(membership=Membership.objects.get(user=member_a), user=member_a)

    with pytest.raises(ValidationError):
        services.membership_leave(membership=Membership.objects.get(user=admin_a), user=admin_a)

    assert list(Membership.objects.filter(organisation=org_a).values_list("user", flat=True)) == [admin_a.pk]


def test_nobody_leaves_on_someone_elses_behalf(org_a, admin_a, member_a):
    with pytest.raises(ValidationError):
        services.membership_leave(membership=Membership.objects.get(user=member_a), user=admin_a)

    assert Membership.objects.filter(user=member_a).exists()


# Auto-approval by domain (§4) -----------------------------------------------------------------------------------


def test_a_member_cannot_point_the_website_at_their_own_domain(org_a, member_a):
    with pytest.raises(ValidationError) as refused:
        services.organisation_update(organisation=org_a, actor=member_a, data={"website": "https://angriper.example"})

    assert refused.value.error_dict["website"][0].code == "admin_only"
    org_a.refresh_from_db()
    assert org_a.website == "https://www.org-a.no"


def test_a_website_a_member_posts_on_the_edit_page_is_ignored(client, org_a, member_a):
    client.force_login(member_a)

    client.post(
        reverse("organisations:edit", kwargs={"slug": org_a.slug}),
        {"name": "Kapret AS", "website": "https://angriper.example", "description": "Ny tekst"},
    )

    org_a.refresh_from_db()
    assert (org_a.name, org_a.website, org_a.description) == ("Organisasjon A", "https://www.org-a.no", "Ny tekst")


def test_auto_approval_ignores_the_website_and_trusts_only_the_verified_domain(org_a, admin_a):
    services.organisation_update(organisation=org_a, actor=admin_a, data={"website": "https://angriper.example"})

    claim = services.claim_submit(
        organisation=org_a, user=UserFactory(email="utenfor@angriper.example"), message="Slipp meg inn."
    )

    assert claim.status == Claim.Status.PENDING


def test_someone_whose_claim_was_refused_is_not_let_in_by_the_domain(org_a, admin_a, staff):
    user = UserFactory(email="avvist@org-a.no")
    services.claim_decide(
        claim=services.claim_submit(organisation=org_a, user=UserFactory(email="x@example.org"), message="x"),
        reviewer=staff,
        approve=False,
    )
    first = Claim.objects.create(organisation=org_a, user=user, message="Første forsøk")
    services.claim_decide(claim=first, reviewer=staff, approve=False)

    claim = services.claim_submit(organisation=org_a, user=user, message="Andre forsøk")

    assert claim.status == Claim.Status.PENDING
    assert not Membership.objects.filter(user=user, organisation=org_a).exists()


def test_a_removed_member_with_a_new_primary_address_is_not_let_back_in_by_the_domain(org_a, admin_a):
    membership = MembershipFactory(organisation=org_a, user=UserFactory(email="fjernet@example.org"))
    services.membership_remove(membership=membership, actor=admin_a)
    user = membership.user
    EmailAddress.objects.create(user=user, email="ny@org-a.no", verified=True, primary=False)
    user.email = "ny@org-a.no"
    user.save(update_fields=["email"])

    claim = services.claim_submit(organisation=org_a, user=user, message="Jeg er tilbake.")

    assert claim.status == Claim.Status.PENDING


def test_only_staff_set_the_verified_domain_and_bad_input_changes_nothing(org_a, staff):
    with pytest.raises(ValidationError):
        services.organisation_verified_domain_set(organisation=org_a, actor=staff, domain="https://x.no/<script>")

    services.organisation_verified_domain_set(organisation=org_a, actor=staff, domain=" @Ny-Domene.NO ")

    org_a.refresh_from_db()
    assert org_a.verified_domain == "ny-domene.no"
    assert org_a.events.filter(kind=OrganisationEvent.Kind.VERIFIED_DOMAIN_CHANGED, actor=staff).count() == 1


def test_reference_bodies_get_their_verified_domain_from_the_reference_data(stavanger):
    assert stavanger.verified_domain == "stavanger.kommune.no"
