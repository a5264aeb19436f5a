"""Every role against the private parts of an organisation (Stavanger kommune): its members and invitations,
the claims to act for it, the ideas sent to it, and the pages that keep its profile and contact points.

Roles: anonymous, a signed-in outsider, a member of another organisation, a member and an admin of Stavanger,
the counter parties (an entrepreneur who sent Stavanger an idea, a user whose claim waits), a former member of
Stavanger, and staff."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory
from samvei.challenges import permissions as challenge_permissions
from samvei.challenges.models import PitchAttachment
from samvei.challenges.services import pitch_submit
from samvei.core.tests.access import outcome, response_text, signed_in_as
from samvei.core.tests.test_attachments import PDF_BYTES
from samvei.organisations import permissions
from samvei.organisations.models import Claim, Invitation, Membership, Organisation
from samvei.organisations.services import invitation_create, membership_remove
from samvei.search.services import index_object

from .factories import ContactPointFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "member_b",
    "owner_member",
    "owner_admin",
    "idea_sender",
    "claimant",
    "removed_member",
    "staff",
]
MEMBERS = {"owner_member", "owner_admin"}
EDITORS = MEMBERS | {"staff"}
ADMINS = {"owner_admin", "staff"}
IDEA_PARTIES = MEMBERS | {"idea_sender"}

COLLEAGUE = "kollegahemmelighet@stavanger.kommune.no"
INVITEE = "invitasjonshemmelighet@example.org"
CLAIM = "Kravhemmelighet: jeg jobber i helseetaten."
IDEA = {"title": "Idétittelhemmelighet: leksehjelp", "summary": "Idésammendraghemmelighet: pensjonister hjelper."}
PRIVATE_MARKERS = ["kollegahemmelighet", "invitasjonshemmelighet", "Kravhemmelighet", "Idétittelhemmelighet",
                   "Idésammendraghemmelighet"]  # fmt: skip


@pytest.fixture
def owner_member(stavanger_member):
    return stavanger_member


@pytest.fixture
def owner_admin(stavanger):
    return MembershipFactory(organisation=stavanger, role=Membership.Role.ADMIN).user


@pytest.fixture
def enterprise(db):
    return OrganisationFactory(name="Leksehjelpen AS")


@pytest.fixture
def idea_sender(enterprise):
    return MembershipFactory(organisation=enterprise, role=Membership.Role.ADMIN).user


@pytest.fixture
def claimant(stavanger):
    user = UserFactory()
    Claim.objects.create(organisation=stavanger, user=user, message=CLAIM)
    return user


@pytest.fixture
def removed_member(stavanger, owner_admin):
    """Removed by the admin, through the service that the members page uses."""
    membership = MembershipFactory(organisation=stavanger)
    membership_remove(membership=membership, actor=owner_admin)
    return membership.user


@pytest.fixture
def private_data(stavanger, owner_admin, owner_member, enterprise, idea_sender, claimant):
    """A colleague, an open invitation, a waiting claim and an idea with a file."""
    MembershipFactory(organisation=stavanger, user=UserFactory(email=COLLEAGUE))
    invitation_create(organisation=stavanger, email=INVITEE, role=Membership.Role.MEMBER, invited_by=owner_admin)
    return pitch_submit(
        receiver=stavanger,
        sender=enterprise,
        actor=idea_sender,
        data=IDEA,
        uploads=[SimpleUploadedFile("plan.pdf", PDF_BYTES)],
    )


def _matrix(allowed):
    return [(role, role in allowed) for role in ROLES]


def _expected(role, allowed, *, refused=403):
    if role == "anonymous":
        return "login"
    return 200 if role in allowed else refused


# The permission functions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "allowed"), _matrix(EDITORS))
def test_can_edit_organisation_is_true_for_members_and_staff(request, stavanger, role, allowed):
    assert permissions.can_edit_organisation(user=request.getfixturevalue(role), organisation=stavanger) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(ADMINS))
def test_can_manage_members_is_true_for_the_admin_and_staff(request, stavanger, role, allowed):
    assert permissions.can_manage_members(user=request.getfixturevalue(role), organisation=stavanger) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(EDITORS))
def test_can_manage_contact_points_is_true_for_members_and_staff(request, stavanger, role, allowed):
    user = request.getfixturevalue(role)

    assert permissions.can_manage_contact_points(user=user, organisation=stavanger) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"), _matrix({"outsider", "member_b", "idea_sender", "removed_member", "staff"})
)
def test_can_claim_is_true_for_the_signed_in_who_neither_act_for_it_nor_wait(request, stavanger, role, allowed):
    assert permissions.can_claim(user=request.getfixturevalue(role), organisation=stavanger) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix({"staff"}))
def test_can_review_claims_is_true_for_staff_only(request, role, allowed):
    assert permissions.can_review_claims(user=request.getfixturevalue(role)) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(MEMBERS))
def test_is_member_is_true_for_current_members_only(request, stavanger, role, allowed):
    user = request.getfixturevalue(role)

    assert permissions.is_member(user=user, organisation_ids=[stavanger.pk]) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(IDEA_PARTIES))
def test_an_idea_to_the_municipality_is_seen_by_its_two_parties_only(request, private_data, role, allowed):
    user = request.getfixturevalue(role)

    assert challenge_permissions.can_view_pitch(user=user, pitch=private_data) is allowed


# Private pages --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_members_page_with_addresses_and_invitations_is_for_the_admin_and_staff(
    client, request, stavanger, private_data, role
):
    response = signed_in_as(client, request, role).get(
        reverse("organisations:members", kwargs={"slug": stavanger.slug})
    )

    assert outcome(response) == _expected(role, ADMINS)
    assert (COLLEAGUE in response.text) is (role in ADMINS)
    assert (INVITEE in response.text) is (role in ADMINS)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_admin_and_staff_remove_a_member(client, request, stavanger, private_data, role):
    colleague = Membership.objects.get(user__email=COLLEAGUE)
    url = reverse("organisations:member-remove", kwargs={"slug": stavanger.slug})

    response = signed_in_as(client, request, role).post(url, {"membership": colleague.pk})

    assert outcome(response) == ("login" if role == "anonymous" else 302 if role in ADMINS else 403)
    assert Membership.objects.filter(pk=colleague.pk).exists() is (role not in ADMINS)


@pytest.mark.parametrize(
    "name", ["organisations:edit", "organisations:contact-points", "organisations:contact-point-new"]
)
@pytest.mark.parametrize("role", ROLES)
def test_profile_and_contact_point_pages_are_for_members_and_staff(client, request, stavanger, name, role):
    response = signed_in_as(client, request, role).get(reverse(name, kwargs={"slug": stavanger.slug}))

    assert outcome(response) == _expected(role, EDITORS)


@pytest.mark.parametrize("role", ROLES)
def test_editing_a_contact_point_is_for_members_and_staff(client, request, stavanger, role):
    point = ContactPointFactory(organisation=stavanger)
    url = reverse("organisations:contact-point-edit", kwargs={"slug": stavanger.slug, "contact_point_id": point.pk})

    response = signed_in_as(client, request, role).get(url)

    assert outcome(response) == _expected(role, EDITORS)


@pytest.mark.parametrize("role", ROLES)
def test_the_claim_review_with_the_claim_text_is_for_staff_only(client, request, private_data, role):
    response = signed_in_as(client, request, role).get(reverse("organisations:claims"))

    assert outcome(response) == _expected(role, {"staff"})
    assert (CLAIM in response.text) is (role == "staff")


@pytest.mark.parametrize("role", ROLES)
def test_only_staff_and_the_organisations_admin_decide_a_claim(client, request, claimant, stavanger, role):
    claim = Claim.objects.get(user=claimant)
    url = reverse("organisations:claim-decide", kwargs={"claim_id": claim.pk})

    signed_in_as(client, request, role).post(url, {"decision": "approve"})

    assert Membership.objects.filter(user=claimant, organisation=stavanger).exists() is (role in ADMINS)


@pytest.mark.parametrize(("role", "allowed"), _matrix(ADMINS))
def test_can_decide_claim_is_true_for_staff_and_the_admin_but_never_the_claimant(
    request, claimant, stavanger, role, allowed
):
    claim = Claim.objects.get(user=claimant)

    assert permissions.can_decide_claim(user=request.getfixturevalue(role), claim=claim) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(ADMINS))
def test_can_change_identity_is_true_for_the_admin_and_staff(request, stavanger, role, allowed):
    assert permissions.can_change_identity(user=request.getfixturevalue(role), organisation=stavanger) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_the_members_page_shows_the_waiting_claim_to_the_admin_and_staff_only(
    client, request, stavanger, private_data, role
):
    response = signed_in_as(client, request, role).get(
        reverse("organisations:members", kwargs={"slug": stavanger.slug})
    )

    assert (CLAIM in response.text) is (role in ADMINS)


@pytest.mark.parametrize("role", ROLES)
def test_only_a_member_leaves_and_only_on_their_own_behalf(client, request, stavanger, private_data, role):
    members_before = Membership.objects.filter(organisation=stavanger).count()

    response = signed_in_as(client, request, role).post(reverse("organisations:leave", kwargs={"slug": stavanger.slug}))

    assert outcome(response) == ("login" if role == "anonymous" else 302 if role in MEMBERS else 403)
    left = 1 if role == "owner_member" else 0  # the admin is the last admin and stays
    assert Membership.objects.filter(organisation=stavanger).count() == members_before - left


@pytest.mark.parametrize("name", ["organisations:public-body-confirm", "organisations:verified-domain"])
@pytest.mark.parametrize("role", ROLES)
def test_only_staff_confirm_a_public_body_or_set_the_verified_domain(client, request, name, role):
    agency = OrganisationFactory(name="Etaten for testing", kind=Organisation.Kind.STATE_AGENCY)
    url = reverse(name, kwargs={"slug": agency.slug})

    response = signed_in_as(client, request, role).post(url, {"domain": "angriper.example"})

    agency.refresh_from_db()
    assert outcome(response) == ("login" if role == "anonymous" else 302 if role == "staff" else 403)
    assert agency.is_public_body is (role == "staff" and name == "organisations:public-body-confirm")
    assert (agency.verified_domain == "angriper.example") is (
        role == "staff" and name == "organisations:verified-domain"
    )


@pytest.mark.parametrize("role", ROLES)
def test_nobody_but_the_invited_address_accepts_an_invitation(client, request, stavanger, private_data, role):
    invitation = Invitation.objects.get(email=INVITEE)
    url = reverse("organisations:invitation-accept", kwargs={"token": invitation.token})
    members_before = set(Membership.objects.filter(organisation=stavanger).values_list("user_id", flat=True))

    response = signed_in_as(client, request, role).post(url)

    assert outcome(response) == ("login" if role == "anonymous" else 400)
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert set(Membership.objects.filter(organisation=stavanger).values_list("user_id", flat=True)) == members_before


@pytest.mark.parametrize("role", ROLES)
def test_the_idea_page_its_file_and_api_object_open_for_its_two_parties_only(client, request, private_data, role):
    signed_in_as(client, request, role)
    attachment = PitchAttachment.objects.get(pitch=private_data)

    page = client.get(private_data.get_absolute_url())
    download = client.get(attachment.get_absolute_url())
    api = client.get(f"/api/v1/pitches/{private_data.pk}")

    assert outcome(page) == _expected(role, IDEA_PARTIES, refused=404)
    assert (IDEA["summary"] in page.text) is (role in IDEA_PARTIES)
    assert outcome(download) == _expected(role, IDEA_PARTIES, refused=404)
    assert api.status_code == (401 if role == "anonymous" else 200 if role in IDEA_PARTIES else 404)


@pytest.mark.parametrize("role", ROLES)
def test_my_organisations_lists_stavanger_for_its_current_members_only(client, request, stavanger, role):
    response = signed_in_as(client, request, role).get(reverse("organisations:mine"))

    assert outcome(response) == ("login" if role == "anonymous" else 200)
    assert (stavanger.get_absolute_url() in response.text) is (role in MEMBERS)


def test_a_removed_member_is_not_let_back_in_by_a_claim_without_staff(client, org_a, admin_a):
    """Removal by an admin must stick: a claim from the removed person waits for staff even when their
    address is on the organisation's web domain (which otherwise approves a claim at once)."""
    membership = MembershipFactory(organisation=org_a, user=UserFactory(email="tidligere@org-a.no"))
    client.force_login(admin_a)
    client.post(reverse("organisations:member-remove", kwargs={"slug": org_a.slug}), {"membership": membership.pk})
    client.force_login(membership.user)

    client.post(reverse("organisations:claim", kwargs={"slug": org_a.slug}), {"message": "Jeg er tilbake."})

    assert not Membership.objects.filter(user=membership.user, organisation=org_a).exists()
    assert Claim.objects.get(user=membership.user).status == Claim.Status.PENDING


# Private text on public pages, lists, search and the API ---------------------------------------------------------


# (surface, query, public text the surface must show, so that an empty answer cannot pass for a clean one)
PUBLIC_SURFACES = [
    ("stavanger", {}, "Stavanger"),
    ("enterprise", {}, "Leksehjelpen AS"),
    ("organisations:list", {"q": "stavanger"}, "Stavanger"),
    ("organisations:list", {"q": "leksehjelpen"}, "Leksehjelpen AS"),
    ("municipalities:list", {"q": "stavanger"}, "Stavanger"),
    ("search:search", {"q": "stavanger"}, "Stavanger"),
    ("search:search", {"q": "leksehjelpen"}, "Leksehjelpen AS"),
    ("/api/v1/search", {"q": "stavanger"}, "Stavanger"),
    ("/api/v1/municipalities/1103", {}, "Stavanger"),
    ("/api/v1/organisations", {"q": "stavanger"}, "Stavanger"),
    ("/api/v1/organisations", {"q": "leksehjelpen"}, "Leksehjelpen AS"),
    ("api-organisation", {}, "Stavanger"),
]


def _surface_url(surface, stavanger, enterprise):
    return {
        "stavanger": stavanger.get_absolute_url(),
        "enterprise": enterprise.get_absolute_url(),
        "api-organisation": f"/api/v1/organisations/{stavanger.org_number}",
    }.get(surface) or (surface if surface.startswith("/") else reverse(surface))


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("surface", "params", "public"), PUBLIC_SURFACES)
def test_public_pages_and_the_api_show_the_organisations_without_their_private_data(
    client, request, stavanger, enterprise, private_data, surface, params, public, role
):
    for organisation in (stavanger, enterprise):
        index_object(kind="organisation", object_id=organisation.pk)

    response = signed_in_as(client, request, role).get(_surface_url(surface, stavanger, enterprise), params)

    body = response_text(response)
    assert response.status_code == 200
    assert public in body
    assert [marker for marker in PRIVATE_MARKERS if marker in body] == []
