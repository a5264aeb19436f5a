"""Every role against every private object of challenges: the permission functions, the HTTP answer of each
private page, file and API object, and the absence of private text from what the wrong roles can see.

Roles: anonymous, a signed-in outsider, members of another enterprise and of another public body, a member and
an admin of the owning body (Stavanger), the pitching party, former members of both parties, and staff."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory
from samvei.challenges import permissions
from samvei.challenges.models import Challenge, ChallengeAttachment, PitchAttachment, Question
from samvei.challenges.services import challenge_create, message_send, pitch_submit
from samvei.core.tests.access import outcome, response_text, signed_in_as
from samvei.core.tests.test_attachments import PDF_BYTES
from samvei.organisations.models import Membership
from samvei.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "other_entrepreneur",
    "other_body_member",
    "owner_member",
    "owner_admin",
    "entrepreneur",
    "removed_owner_member",
    "removed_entrepreneur",
    "staff",
]
RECEIVERS = {"owner_member", "owner_admin"}
PARTIES = RECEIVERS | {"entrepreneur"}
MANAGERS = RECEIVERS | {"staff"}

# Each private text holds a marker word found nowhere else, so that a page which highlights the searched word
# («ensomhet») cannot hide a leak by splitting the text with markup.
PITCH = {"title": "Tittelhemmelighet: besøksvenner mot ensomhet", "summary": "Sammendraghemmelighet: ungdom på besøk."}
MESSAGE = "Meldingshemmelighet: kan vi møtes?"
DRAFT = {"title": "Utkasthemmelighet: ensomhet i Stavanger", "description": "Beskrivelseshemmelighet: få besøk."}
QUESTION = "Spørsmålshemmelighet: hvor stort er budsjettet mot ensomhet?"
PRIVATE_MARKERS = ["Tittelhemmelighet", "Sammendraghemmelighet", "Meldingshemmelighet", "Utkasthemmelighet",
                   "Beskrivelseshemmelighet", "Spørsmålshemmelighet"]  # fmt: skip


def _removed(organisation):
    """A user whose membership of the organisation has been deleted."""
    membership = MembershipFactory(organisation=organisation)
    membership.delete()
    return membership.user


@pytest.fixture
def outsider(db):
    return UserFactory()


@pytest.fixture
def owner_admin(stavanger):
    return MembershipFactory(organisation=stavanger, role=Membership.Role.ADMIN).user


@pytest.fixture
def removed_owner_member(stavanger):
    return _removed(stavanger)


@pytest.fixture
def removed_entrepreneur(enterprise):
    return _removed(enterprise)


@pytest.fixture
def private_pitch(challenge, enterprise, entrepreneur, owner_member):
    """Delivered (Stavanger has a member), with a file and a message in its thread."""
    pitch = pitch_submit(
        challenge=challenge,
        sender=enterprise,
        actor=entrepreneur,
        data=PITCH,
        uploads=[SimpleUploadedFile("plan.pdf", PDF_BYTES)],
    )
    message_send(pitch=pitch, party=enterprise, actor=entrepreneur, body=MESSAGE)
    return pitch


@pytest.fixture
def private_draft(stavanger, owner_member):
    return challenge_create(
        owner=stavanger, actor=owner_member, data=DRAFT, uploads=[SimpleUploadedFile("utkast.pdf", PDF_BYTES)]
    )


@pytest.fixture
def unanswered(challenge, entrepreneur):
    return Question.objects.create(challenge=challenge, asked_by=entrepreneur, text=QUESTION)


def _matrix(allowed):
    return [(role, role in allowed) for role in ROLES]


def _expected(role, allowed, *, refused=404, anonymous="login"):
    if role == "anonymous":
        return anonymous
    return 200 if role in allowed else refused


# The permission functions ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("role", "allowed"), _matrix(PARTIES))
def test_can_view_pitch_is_true_for_the_two_parties_only(request, private_pitch, role, allowed):
    assert permissions.can_view_pitch(user=request.getfixturevalue(role), pitch=private_pitch) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(RECEIVERS))
def test_can_decide_pitch_is_true_for_the_receiving_body_only(request, private_pitch, role, allowed):
    assert permissions.can_decide_pitch(user=request.getfixturevalue(role), pitch=private_pitch) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(RECEIVERS))
def test_can_see_pitches_to_is_true_for_the_owning_body_only(request, challenge, role, allowed):
    assert permissions.can_see_pitches_to(user=request.getfixturevalue(role), challenge=challenge) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(MANAGERS))
def test_can_manage_challenge_is_true_for_the_owning_body_and_staff(request, challenge, role, allowed):
    assert permissions.can_manage_challenge(user=request.getfixturevalue(role), challenge=challenge) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(MANAGERS))
def test_can_create_challenge_for_stavanger_is_true_for_its_members_and_staff(request, stavanger, role, allowed):
    assert permissions.can_create_challenge(user=request.getfixturevalue(role), organisation=stavanger) is allowed


@pytest.mark.parametrize(("role", "allowed"), _matrix(MANAGERS))
@pytest.mark.parametrize("status", [Challenge.Status.DRAFT, Challenge.Status.WITHDRAWN])
def test_can_view_challenge_hides_drafts_and_withdrawn_ones_from_all_but_managers(
    request, private_draft, status, role, allowed
):
    Challenge.objects.filter(pk=private_draft.pk).update(status=status)
    private_draft.refresh_from_db()

    assert permissions.can_view_challenge(user=request.getfixturevalue(role), challenge=private_draft) is allowed


@pytest.mark.parametrize("role", ROLES)
def test_party_for_names_the_side_the_user_speaks_for(request, private_pitch, stavanger, enterprise, role):
    expected = stavanger if role in RECEIVERS else enterprise if role == "entrepreneur" else None

    assert permissions.party_for(user=request.getfixturevalue(role), pitch=private_pitch) == expected


@pytest.mark.parametrize(("role", "allowed"), _matrix({"staff"}))
def test_can_see_waiting_pitches_is_true_for_staff_only(request, role, allowed):
    assert permissions.can_see_waiting_pitches(user=request.getfixturevalue(role)) is allowed


# Private pages, files and API objects ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_pitch_page_and_its_thread_open_for_the_two_parties_only(client, request, private_pitch, role):
    response = signed_in_as(client, request, role).get(private_pitch.get_absolute_url())

    assert outcome(response) == _expected(role, PARTIES)
    assert (PITCH["summary"] in response.text) is (role in PARTIES)
    assert (MESSAGE in response.text) is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_a_pitch_attachment_downloads_for_the_two_parties_only(client, request, private_pitch, role):
    attachment = PitchAttachment.objects.get(pitch=private_pitch)

    response = signed_in_as(client, request, role).get(attachment.get_absolute_url())

    assert outcome(response) == _expected(role, PARTIES)
    if role in PARTIES:
        assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("role", ROLES)
def test_the_pitch_api_object_answers_the_two_parties_only(client, request, private_pitch, role):
    response = signed_in_as(client, request, role).get(f"/api/v1/pitches/{private_pitch.pk}")

    assert response.status_code == _expected(role, PARTIES, anonymous=401)
    assert (PITCH["summary"] in response_text(response)) is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_the_pitch_api_list_holds_the_pitch_for_the_two_parties_only(client, request, private_pitch, role):
    response = signed_in_as(client, request, role).get("/api/v1/pitches")

    assert response.status_code == (401 if role == "anonymous" else 200)
    assert (PITCH["summary"] in response_text(response)) is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_the_pitch_inbox_lists_the_pitch_for_the_two_parties_only(client, request, private_pitch, role):
    response = signed_in_as(client, request, role).get(reverse("challenges:pitch-inbox"))

    assert outcome(response) == ("login" if role == "anonymous" else 200)
    assert (PITCH["title"] in response.text) is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_receiving_body_changes_the_status_of_a_pitch(client, request, private_pitch, role):
    url = reverse("challenges:pitch-status", kwargs={"pk": private_pitch.pk})

    response = signed_in_as(client, request, role).post(url, {"to_status": "received"})

    expected = {"anonymous": "login", "entrepreneur": 403}.get(role, 302 if role in RECEIVERS else 404)
    assert outcome(response) == expected
    private_pitch.refresh_from_db()
    assert (private_pitch.status == "received") is (role in RECEIVERS)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_two_parties_write_in_the_thread(client, request, private_pitch, role):
    response = signed_in_as(client, request, role).post(private_pitch.get_absolute_url(), {"body": "Ny melding."})

    assert outcome(response) == ("login" if role == "anonymous" else 302 if role in PARTIES else 404)
    assert private_pitch.messages.filter(body="Ny melding.").exists() is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_opens_for_the_owning_body_and_staff_only(client, request, private_draft, role):
    response = signed_in_as(client, request, role).get(private_draft.get_absolute_url())

    assert response.status_code == (200 if role in MANAGERS else 404)
    assert (DRAFT["description"] in response.text) is (role in MANAGERS)


@pytest.mark.parametrize("role", ROLES)
def test_a_draft_attachment_downloads_for_the_owning_body_and_staff_only(client, request, private_draft, role):
    attachment = ChallengeAttachment.objects.get(challenge=private_draft)

    response = signed_in_as(client, request, role).get(attachment.get_absolute_url())

    assert response.status_code == (200 if role in MANAGERS else 404)


@pytest.mark.parametrize("role", ROLES)
def test_the_edit_page_of_a_draft_is_hidden_from_all_but_managers(client, request, private_draft, role):
    response = signed_in_as(client, request, role).get(reverse("challenges:edit", kwargs={"pk": private_draft.pk}))

    assert outcome(response) == _expected(role, MANAGERS)


@pytest.mark.parametrize("role", ROLES)
def test_the_edit_page_of_a_published_challenge_refuses_all_but_managers(client, request, challenge, role):
    response = signed_in_as(client, request, role).get(reverse("challenges:edit", kwargs={"pk": challenge.pk}))

    assert outcome(response) == _expected(role, MANAGERS, refused=403)


@pytest.mark.parametrize("role", ROLES)
def test_the_waiting_pitches_page_is_for_staff_only(client, request, role):
    response = signed_in_as(client, request, role).get(reverse("challenges:waiting-pitches"))

    assert outcome(response) == _expected(role, {"staff"}, refused=403)


# Private text on pages the wrong roles can see ------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_challenge_page_lists_pitches_to_the_owning_body_only(client, request, challenge, private_pitch, role):
    page = signed_in_as(client, request, role).get(challenge.get_absolute_url()).text

    assert (PITCH["title"] in page) is (role in RECEIVERS)
    assert PITCH["summary"] not in page
    assert MESSAGE not in page


@pytest.mark.parametrize("role", ROLES)
def test_an_unanswered_question_is_shown_to_the_owning_body_and_staff_only(
    client, request, challenge, unanswered, role
):
    page = signed_in_as(client, request, role).get(challenge.get_absolute_url()).text

    assert (QUESTION in page) is (role in MANAGERS)


def test_staff_see_who_waits_for_an_idea_but_never_what_it_says(client, staff, enterprise, entrepreneur):
    from samvei.organisations.models import Organisation

    bergen = Organisation.objects.get(municipality__number="4601")
    pitch_submit(receiver=bergen, sender=enterprise, actor=entrepreneur, data=PITCH, uploads=[])
    client.force_login(staff)

    page = client.get(reverse("challenges:waiting-pitches")).text

    assert bergen.name in page
    assert PITCH["title"] not in page
    assert PITCH["summary"] not in page


PUBLIC_SURFACES = [
    ("challenges:list", {}),
    ("challenges:list", {"q": "ensomhet"}),
    ("challenges:feed", {}),
    ("search:search", {"q": "ensomhet"}),
    ("/api/v1/challenges", {}),
    ("/api/v1/challenges", {"q": "ensomhet"}),
    ("/api/v1/search", {"q": "ensomhet"}),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("surface", "params"), PUBLIC_SURFACES)
def test_lists_feeds_and_search_show_the_public_challenge_and_no_private_text(
    client, request, challenge, private_pitch, private_draft, unanswered, surface, params, role
):
    from samvei.search.services import rebuild_index

    rebuild_index(kinds=["challenge"])
    url = surface if surface.startswith("/") else reverse(surface)

    body = response_text(signed_in_as(client, request, role).get(url, params))

    assert challenge.title in body
    assert [marker for marker in PRIVATE_MARKERS if marker in body] == []


@pytest.mark.parametrize("role", ROLES)
def test_the_api_never_answers_for_a_draft(client, request, private_draft, role):
    assert signed_in_as(client, request, role).get(f"/api/v1/challenges/{private_draft.pk}").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_the_public_api_detail_shows_no_unanswered_question(client, request, challenge, unanswered, role):
    body = response_text(signed_in_as(client, request, role).get(f"/api/v1/challenges/{challenge.pk}"))

    assert challenge.title in body
    assert QUESTION not in body
