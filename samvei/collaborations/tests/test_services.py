import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from samvei.challenges.models import Challenge, ChallengeEvent, Pitch, PitchEvent
from samvei.challenges.tests.factories import PitchFactory
from samvei.collaborations.models import Collaboration, CollaborationEvent
from samvei.collaborations.services import collaboration_start
from samvei.organisations.tests.factories import ContactPointFactory

pytestmark = pytest.mark.django_db


def test_starting_from_a_pitch_joins_the_receiving_body_and_the_sender(
    pitch, challenge, stavanger, enterprise, body_member
):
    collaboration = collaboration_start(pitch=pitch, actor=body_member)

    collaboration.refresh_from_db()
    assert (collaboration.public_body, collaboration.partner) == (stavanger, enterprise)
    assert (collaboration.pitch, collaboration.challenge) == (pitch, challenge)
    assert collaboration.title == pitch.title
    assert collaboration.stage == Collaboration.Stage.IDEA


def test_starting_writes_one_event_for_the_collaboration_the_pitch_and_the_challenge(pitch, challenge, body_member):
    collaboration = collaboration_start(pitch=pitch, actor=body_member)

    assert list(CollaborationEvent.objects.values_list("collaboration", "kind", "actor")) == [
        (collaboration.pk, "started", body_member.pk)
    ]
    assert list(PitchEvent.objects.filter(pitch=pitch).values_list("from_status", "to_status", "actor")) == [
        (Pitch.Status.SUBMITTED, Pitch.Status.SELECTED, body_member.pk)
    ]
    assert list(ChallengeEvent.objects.filter(challenge=challenge).values_list("to_status", "actor")) == [
        (Challenge.Status.PARTNER_CHOSEN, body_member.pk)
    ]


def test_starting_marks_the_pitch_selected_and_the_partner_chosen(pitch, challenge, body_member):
    collaboration_start(pitch=pitch, actor=body_member)

    pitch.refresh_from_db()
    challenge.refresh_from_db()
    assert pitch.status == Pitch.Status.SELECTED
    assert challenge.status == Challenge.Status.PARTNER_CHOSEN


def test_the_partners_members_are_told_the_pitch_was_selected(
    pitch, body_member, partner_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        collaboration_start(pitch=pitch, actor=body_member)

    assert [message.to for message in mail.outbox] == [[partner_member.email]]


@pytest.mark.parametrize("decided", [Pitch.Status.DECLINED, Pitch.Status.SELECTED])
def test_a_decided_pitch_cannot_start_a_collaboration(challenge, enterprise, body_member, decided):
    pitch = PitchFactory(challenge=challenge, sender=enterprise, status=decided)

    with pytest.raises(ValidationError) as refusal:
        collaboration_start(pitch=pitch, actor=body_member)

    assert refusal.value.code == "decided"
    assert not Collaboration.objects.exists()
    assert not CollaborationEvent.objects.exists()
    assert not PitchEvent.objects.exists()
    pitch.refresh_from_db()
    assert pitch.status == decided


def test_a_pitch_cannot_start_two_collaborations(pitch, body_member):
    collaboration_start(pitch=pitch, actor=body_member)

    with pytest.raises(ValidationError):
        collaboration_start(pitch=pitch, actor=body_member)

    assert Collaboration.objects.count() == 1
    assert CollaborationEvent.objects.count() == 1


def test_an_unsolicited_idea_starts_a_collaboration_without_a_challenge(oslo, enterprise, other_body_member):
    idea = PitchFactory(
        challenge=None, receiver=oslo, sender=enterprise, contact_point=ContactPointFactory(organisation=oslo)
    )

    collaboration = collaboration_start(pitch=idea, actor=other_body_member)

    assert (collaboration.public_body, collaboration.partner, collaboration.challenge) == (oslo, enterprise, None)
    assert collaboration.events.get().kind == "started"
