"""Every role against a collaboration between Stavanger kommune and an enterprise: the permission function, the
detail page, the list, starting one from a pitch, and the absence of its text from public pages and the API.

Roles (see conftest.py): anonymous, a signed-in outsider, members of another enterprise and of another public
body, a member and an admin of the body, a member of the partner, former members of both parties, and staff."""

import pytest
from django.urls import reverse
from django.utils import translation

from samvei.challenges.tests.factories import PitchFactory
from samvei.collaborations import permissions
from samvei.collaborations.models import Collaboration
from samvei.core.tests.access import outcome, response_text, signed_in_as
from samvei.organisations.tests.factories import MembershipFactory
from samvei.search.services import rebuild_index

from .factories import CollaborationFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "other_entrepreneur",
    "other_body_member",
    "body_member",
    "body_admin",
    "partner_member",
    "removed_member",
    "removed_partner_member",
    "staff",
]
BODY = {"body_member", "body_admin"}
PARTIES = BODY | {"partner_member"}
VIEWERS = PARTIES | {"staff"}

TITLE = "Samarbeidshemmelighet: besøksvenner mot ensomhet"
SUMMARY = "Pitchinnholdshemmelighet: ungdom besøker eldre."


@pytest.fixture
def removed_partner_member(enterprise):
    membership = MembershipFactory(organisation=enterprise)
    membership.delete()
    return membership.user


@pytest.fixture
def private_collaboration(challenge, enterprise):
    pitch = PitchFactory(challenge=challenge, sender=enterprise, status="selected", title=TITLE, summary=SUMMARY)
    return CollaborationFactory(pitch=pitch)


@pytest.mark.parametrize(("role", "allowed"), [(role, role in VIEWERS) for role in ROLES])
def test_can_view_collaboration_is_true_for_the_two_parties_and_staff(request, private_collaboration, role, allowed):
    user = request.getfixturevalue(role)

    assert permissions.can_view_collaboration(user=user, collaboration=private_collaboration) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_the_collaboration_page_opens_for_the_two_parties_and_staff_only(client, request, private_collaboration, role):
    response = signed_in_as(client, request, role).get(private_collaboration.get_absolute_url())

    expected = "login" if role == "anonymous" else 200 if role in VIEWERS else 404
    assert outcome(response) == expected


@pytest.mark.parametrize("role", ROLES)
def test_the_collaboration_page_shows_the_pitch_title_to_the_two_parties_only(
    client, request, private_collaboration, role
):
    """The collaboration's title starts as a copy of the pitch's, so it is hidden from staff as well."""
    response = signed_in_as(client, request, role).get(private_collaboration.get_absolute_url())

    assert (TITLE in response.text) is (role in PARTIES)
    assert (private_collaboration.pitch.get_absolute_url() in response.text) is (role in PARTIES)


def test_staff_see_a_neutral_label_instead_of_the_pitch(english_client, staff, private_collaboration):
    english_client.force_login(staff)
    with translation.override("en"):
        url = private_collaboration.get_absolute_url()

    response = english_client.get(url)

    assert "Collaboration between Stavanger kommune and Besøksvennene AS" in response.text
    assert "Selected pitch (only the two parties can see it)" in response.text


def test_staff_who_are_members_of_a_party_see_the_pitch(client, staff, enterprise, private_collaboration):
    MembershipFactory(organisation=enterprise, user=staff)
    client.force_login(staff)

    response = client.get(private_collaboration.get_absolute_url())

    assert TITLE in response.text
    assert private_collaboration.pitch.get_absolute_url() in response.text


@pytest.mark.parametrize("role", sorted(VIEWERS))
def test_the_collaboration_page_never_shows_the_text_of_the_pitch(client, request, private_collaboration, role):
    """Staff follow up collaborations, but a pitch's text stays with its two parties (challenges/permissions.py)."""
    response = signed_in_as(client, request, role).get(private_collaboration.get_absolute_url())

    assert response.status_code == 200
    assert SUMMARY not in response.text


@pytest.mark.parametrize("role", ROLES)
def test_the_collaboration_list_shows_it_to_the_two_parties_only(client, request, private_collaboration, role):
    response = signed_in_as(client, request, role).get(reverse("collaborations:list"))

    assert outcome(response) == ("login" if role == "anonymous" else 200)
    assert (TITLE in response.text) is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_receiving_body_starts_a_collaboration_from_a_pitch(client, request, pitch, role):
    response = signed_in_as(client, request, role).post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk}))

    started = Collaboration.objects.filter(pitch=pitch).first()
    if role == "anonymous":
        assert outcome(response) == "login"
    elif role in BODY:
        assert response["Location"] == started.get_absolute_url()
    elif role == "partner_member":
        assert response["Location"] == pitch.get_absolute_url()
    else:
        assert response.status_code == 404
    assert (started is not None) is (role in BODY)


PUBLIC_SURFACES = [
    ("challenge", {}),
    ("challenges:list", {"q": "ensomhet"}),
    ("challenges:feed", {}),
    ("search:search", {"q": "ensomhet"}),
    ("/api/v1/search", {"q": "ensomhet"}),
    ("/api/v1/challenges", {"q": "ensomhet"}),
    ("api-challenge", {}),
]


@pytest.mark.parametrize("role", [role for role in ROLES if role not in BODY])
@pytest.mark.parametrize(("surface", "params"), PUBLIC_SURFACES)
def test_public_pages_and_the_api_show_the_challenge_but_not_the_collaboration(
    client, request, challenge, private_collaboration, surface, params, role
):
    """The challenge page lists pitches (whose titles the collaboration shares) to the owning body only."""
    rebuild_index(kinds=["challenge"])
    url = {"challenge": challenge.get_absolute_url(), "api-challenge": f"/api/v1/challenges/{challenge.pk}"}.get(
        surface
    ) or (surface if surface.startswith("/") else reverse(surface))

    body = response_text(signed_in_as(client, request, role).get(url, params))

    assert challenge.title in body
    assert "Samarbeidshemmelighet" not in body
    assert "Pitchinnholdshemmelighet" not in body
