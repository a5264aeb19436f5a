"""Writing challenges, questions, pitches and messages with an API key: for the key's organisation only, checked
as the web forms check, refused without a key (a session cookie is not enough) and with nothing written on bad
input."""

import json

import pytest

from samvei.apikeys.services import api_token_create, api_token_revoke
from samvei.challenges.models import Challenge, Message, Pitch, Question
from samvei.organisations.models import Membership
from samvei.organisations.tests.factories import MembershipFactory

from .factories import ChallengeFactory, PitchFactory

pytestmark = pytest.mark.django_db


def _key(user, organisation):
    return api_token_create(user=user, organisation=organisation, name="Fagsystem")[1]


def _post(client, path, payload, key=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {key}"} if key else {}
    return client.post(f"/api/v1{path}", data=json.dumps(payload), content_type="application/json", **headers)


@pytest.fixture
def body_key(stavanger, owner_member):
    return _key(owner_member, stavanger)


@pytest.fixture
def enterprise_key(enterprise, entrepreneur):
    return _key(entrepreneur, enterprise)


CHALLENGE = {"title": "Færre ensomme eldre", "description": "Mange eldre bor alene.", "intent": "exploration"}


class TestChallenges:
    def test_a_public_body_saves_a_draft(self, client, stavanger, body_key):
        response = _post(client, "/challenges", {**CHALLENGE, "welfare_areas": ["elderly-care"]}, body_key)
        assert response.status_code == 201, response.content
        challenge = Challenge.objects.get(pk=response.json()["id"])
        assert (challenge.owner, challenge.status, challenge.title) == (stavanger, "draft", CHALLENGE["title"])
        assert list(challenge.welfare_areas.values_list("code", flat=True)) == ["elderly-care"]
        assert challenge.created_by is not None

    def test_an_unknown_welfare_area_is_refused_in_the_forms_words(self, client, body_key):
        response = _post(client, "/challenges", {**CHALLENGE, "welfare_areas": ["nope"]}, body_key)
        assert response.status_code == 422
        assert response.json()["detail"][0]["loc"] == ["body", "welfare_areas"]
        assert not Challenge.objects.filter(title=CHALLENGE["title"]).exists()

    @pytest.mark.parametrize(
        "payload",
        [
            {},
            {**CHALLENGE, "intent": "tender"},
            {**CHALLENGE, "title": "x" * 201},
            {**CHALLENGE, "deadline": "2001-01-01"},
            {**CHALLENGE, "funding_min_nok": -5},
            {**CHALLENGE, "contact_point": 999999},
            {**CHALLENGE, "open_forms": ["direct_award_that_does_not_exist"]},
        ],
    )
    def test_bad_input_is_refused_and_nothing_is_written(self, client, body_key, payload):
        before = Challenge.objects.count()
        response = _post(client, "/challenges", payload, body_key)
        assert response.status_code == 422
        assert response.json()["detail"]
        assert Challenge.objects.count() == before

    def test_an_enterprise_key_cannot_publish_challenges(self, client, enterprise_key):
        response = _post(client, "/challenges", CHALLENGE, enterprise_key)
        assert response.status_code == 403
        assert not Challenge.objects.filter(title=CHALLENGE["title"]).exists()

    def test_a_session_without_a_key_is_refused(self, client, owner_member):
        client.force_login(owner_member)
        response = _post(client, "/challenges", CHALLENGE)
        assert response.status_code == 401
        assert "API" in response.json()["detail"]
        assert not Challenge.objects.filter(title=CHALLENGE["title"]).exists()

    def test_a_revoked_key_is_refused(self, client, stavanger, owner_member):
        key = _key(owner_member, stavanger)
        api_token_revoke(user=owner_member, token_id=owner_member.api_tokens.get().pk)
        assert _post(client, "/challenges", CHALLENGE, key).status_code == 401

    def test_a_key_writes_for_its_own_organisation_even_for_a_member_of_two(self, client, stavanger, oslo):
        member = MembershipFactory(organisation=oslo).user
        Membership.objects.create(user=member, organisation=stavanger)
        response = _post(client, "/challenges", CHALLENGE, _key(member, oslo))
        assert Challenge.objects.get(pk=response.json()["id"]).owner == oslo


class TestQuestions:
    def test_a_question_is_asked(self, client, challenge, enterprise_key, entrepreneur):
        response = _post(client, f"/challenges/{challenge.pk}/questions", {"text": "Hvor mange?"}, enterprise_key)
        assert response.status_code == 201
        question = Question.objects.get(pk=response.json()["id"])
        assert (question.challenge, question.asked_by, question.answer) == (challenge, entrepreneur, "")

    def test_a_draft_challenge_is_not_found(self, client, draft, enterprise_key):
        response = _post(client, f"/challenges/{draft.pk}/questions", {"text": "Hvor mange?"}, enterprise_key)
        assert response.status_code == 404
        assert not Question.objects.exists()

    @pytest.mark.parametrize("payload", [{}, {"text": ""}, {"text": "x" * 2001}, {"text": 5}])
    def test_bad_input_is_refused(self, client, challenge, enterprise_key, payload):
        assert _post(client, f"/challenges/{challenge.pk}/questions", payload, enterprise_key).status_code == 422
        assert not Question.objects.exists()


class TestPitches:
    PITCH = {"title": "Besøksvenner", "summary": "Frivillige besøker eldre hver uke."}

    def test_an_enterprise_sends_a_pitch(self, client, challenge, enterprise, enterprise_key):
        response = _post(client, f"/challenges/{challenge.pk}/pitches", self.PITCH, enterprise_key)
        assert response.status_code == 201, response.content
        pitch = Pitch.objects.get(pk=response.json()["id"])
        assert (pitch.sender, pitch.receiver, pitch.challenge) == (enterprise, challenge.owner, challenge)

    def test_a_public_body_key_cannot_pitch(self, client, challenge, body_key):
        assert _post(client, f"/challenges/{challenge.pk}/pitches", self.PITCH, body_key).status_code == 403
        assert not Pitch.objects.exists()

    def test_a_closed_challenge_refuses_the_pitch(self, client, stavanger, enterprise_key):
        closed = ChallengeFactory(owner=stavanger, status="closed")
        response = _post(client, f"/challenges/{closed.pk}/pitches", self.PITCH, enterprise_key)
        assert response.status_code == 422
        assert not Pitch.objects.exists()

    def test_bad_input_is_refused(self, client, challenge, enterprise_key):
        response = _post(client, f"/challenges/{challenge.pk}/pitches", {"title": "x"}, enterprise_key)
        assert response.status_code == 422
        assert not Pitch.objects.exists()


class TestMessages:
    def test_either_party_writes(self, client, pitch, body_key, enterprise_key):
        for key in (enterprise_key, body_key):
            assert _post(client, f"/pitches/{pitch.pk}/messages", {"body": "Hei!"}, key).status_code == 201
        assert list(Message.objects.values_list("sender", flat=True).order_by("pk")) == [
            pitch.sender_id,
            pitch.receiver_id,
        ]

    def test_another_organisation_does_not_find_the_pitch(self, client, pitch, oslo, other_body_member):
        key = _key(other_body_member, oslo)
        assert _post(client, f"/pitches/{pitch.pk}/messages", {"body": "Hei!"}, key).status_code == 404
        assert not Message.objects.exists()

    def test_a_colleagues_other_organisation_key_does_not_reach_the_pitch(self, client, stavanger, oslo):
        """A member of both parties' worlds: the key made for Oslo does not write in Stavanger's pitches."""
        member = MembershipFactory(organisation=oslo).user
        Membership.objects.create(user=member, organisation=stavanger)
        pitch = PitchFactory(challenge=ChallengeFactory(owner=stavanger))
        response = _post(client, f"/pitches/{pitch.pk}/messages", {"body": "Hei!"}, _key(member, oslo))
        assert response.status_code == 404
        assert not Message.objects.exists()

    @pytest.mark.parametrize("payload", [{}, {"body": ""}, {"body": "x" * 6001}])
    def test_bad_input_is_refused(self, client, pitch, enterprise_key, payload):
        assert _post(client, f"/pitches/{pitch.pk}/messages", payload, enterprise_key).status_code == 422
        assert not Message.objects.exists()
