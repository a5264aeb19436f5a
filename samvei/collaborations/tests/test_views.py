"""The collaboration pages: the two parties and staff see a collaboration; everyone else gets a 404 (its existence
is not shown), and anonymous visitors are sent to sign in."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samvei.challenges.models import Pitch
from samvei.challenges.tests.factories import ChallengeFactory, PitchFactory
from samvei.collaborations.models import Collaboration

from .factories import CollaborationFactory

pytestmark = pytest.mark.django_db

PARTIES = ["body_member", "body_admin", "partner_member"]
STRANGERS = ["outsider", "other_body_member", "other_entrepreneur", "removed_member"]


def _sign_in(client, request, role):
    user = request.getfixturevalue(role)
    client.force_login(user)
    return user


def _login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


# Detail ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", [*PARTIES, "staff"])
def test_the_parties_and_staff_open_the_collaboration(client, request, collaboration, role):
    _sign_in(client, request, role)

    response = client.get(collaboration.get_absolute_url())

    assert response.status_code == 200
    assert response.context["collaboration"] == collaboration
    assert collaboration.partner.name in response.text


@pytest.mark.parametrize("role", STRANGERS)
def test_anyone_else_signed_in_gets_a_404(client, request, collaboration, role):
    _sign_in(client, request, role)

    response = client.get(collaboration.get_absolute_url())

    assert response.status_code == 404
    assert collaboration.title not in response.text


def test_an_anonymous_visitor_is_sent_to_sign_in(client, collaboration):
    assert _login_redirect(client.get(collaboration.get_absolute_url()))


def test_a_missing_collaboration_is_a_404(client, body_member):
    client.force_login(body_member)

    assert client.get(reverse("collaborations:detail", kwargs={"pk": 999999})).status_code == 404


def test_the_history_lists_the_start(client, pitch, body_member):
    client.force_login(body_member)
    response = client.post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk}), follow=True)

    assert [event.kind for event in response.context["events"]] == ["started"]


# List --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", PARTIES)
def test_the_list_shows_the_parties_their_collaboration(client, request, collaboration, role):
    _sign_in(client, request, role)

    response = client.get(reverse("collaborations:list"))

    assert response.status_code == 200
    assert list(response.context["collaborations"]) == [collaboration]
    assert collaboration.title in response.text


@pytest.mark.parametrize("role", [*STRANGERS, "staff"])
def test_the_list_shows_nobody_else_the_collaboration(client, request, collaboration, role):
    _sign_in(client, request, role)

    response = client.get(reverse("collaborations:list"))

    assert response.status_code == 200
    assert list(response.context["collaborations"]) == []
    assert collaboration.title not in response.text


def test_the_list_sends_an_anonymous_visitor_to_sign_in(client):
    assert _login_redirect(client.get(reverse("collaborations:list")))


def test_the_list_uses_the_same_number_of_queries_for_one_or_many(
    client, stavanger, enterprise, body_member, django_assert_num_queries
):
    CollaborationFactory(pitch=PitchFactory(challenge=ChallengeFactory(owner=stavanger), sender=enterprise))
    client.force_login(body_member)
    client.get(reverse("collaborations:list"))  # warm per-session caches

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("collaborations:list"))
    for _ in range(4):
        CollaborationFactory(pitch=PitchFactory(challenge=ChallengeFactory(owner=stavanger), sender=enterprise))

    with django_assert_num_queries(len(one.captured_queries)):
        response = client.get(reverse("collaborations:list"))

    assert len(response.context["collaborations"]) == 5


# Starting ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["body_member", "body_admin"])
def test_a_member_of_the_receiving_body_starts_the_collaboration(client, request, pitch, role):
    _sign_in(client, request, role)

    response = client.post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk}))

    collaboration = Collaboration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == collaboration.get_absolute_url()
    assert collaboration.pitch == pitch


def test_the_sender_cannot_select_its_own_pitch(client, pitch, partner_member):
    client.force_login(partner_member)

    response = client.post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk}))

    assert response.status_code == 302
    assert response["Location"] == pitch.get_absolute_url()
    assert [message.level_tag for message in get_messages(response.wsgi_request)] == ["error"]
    assert not Collaboration.objects.exists()
    pitch.refresh_from_db()
    assert pitch.status == Pitch.Status.SUBMITTED


@pytest.mark.parametrize("role", [*STRANGERS, "staff"])
def test_nobody_outside_the_pitch_can_start_from_it(client, request, pitch, role):
    """Staff do not read pitches, so for them the pitch does not exist either."""
    _sign_in(client, request, role)

    response = client.post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk}))

    assert response.status_code == 404
    assert not Collaboration.objects.exists()


def test_an_anonymous_visitor_cannot_start_one(client, pitch):
    assert _login_redirect(client.post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk})))
    assert not Collaboration.objects.exists()


def test_starting_needs_a_post(client, pitch, body_member):
    client.force_login(body_member)

    assert client.get(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk})).status_code == 405
    assert not Collaboration.objects.exists()


def test_a_declined_pitch_is_refused_with_a_message(client, challenge, enterprise, body_member):
    pitch = PitchFactory(challenge=challenge, sender=enterprise, status=Pitch.Status.DECLINED)
    client.force_login(body_member)

    response = client.post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk}))

    assert response["Location"] == pitch.get_absolute_url()
    assert [message.level_tag for message in get_messages(response.wsgi_request)] == ["error"]
    assert not Collaboration.objects.exists()
