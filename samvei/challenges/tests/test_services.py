import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from samvei.accounts.tests.factories import UserFactory
from samvei.challenges import services
from samvei.challenges.models import Challenge, ChallengeEvent, Pitch, PitchAttachment, Question, SavedSearch
from samvei.collaborations.models import Collaboration
from samvei.collaborations.services import collaboration_start
from samvei.core.tests.test_attachments import PDF_BYTES
from samvei.taxonomy.models import WelfareArea

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + datetime.timedelta(days=1)
YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)
PITCH = {"title": "Besøksvenner", "summary": "Ungdom besøker eldre."}


def test_a_new_challenge_is_a_draft_with_a_recorded_event(stavanger, owner_member):
    challenge = services.challenge_create(
        owner=stavanger, actor=owner_member, data={"title": "T", "description": "D", "deadline": TOMORROW}
    )

    assert challenge.status == Challenge.Status.DRAFT
    assert challenge.municipality.number == "1103"
    assert challenge.events.get().actor == owner_member


def test_a_deadline_in_the_past_is_refused_and_nothing_is_stored(stavanger, owner_member):
    with pytest.raises(ValidationError):
        services.challenge_create(
            owner=stavanger, actor=owner_member, data={"title": "T", "description": "D", "deadline": YESTERDAY}
        )

    assert not Challenge.objects.filter(title="T").exists()


def test_an_enterprise_cannot_publish_a_challenge(enterprise, entrepreneur):
    with pytest.raises(ValidationError):
        services.challenge_create(owner=enterprise, actor=entrepreneur, data={"title": "T", "description": "D"})


def test_publishing_records_who_and_when(draft, owner_member):
    services.challenge_transition(challenge=draft, actor=owner_member, to_status="published")

    event = draft.events.get(to_status="published")
    assert (event.from_status, event.actor) == ("draft", owner_member)
    draft.refresh_from_db()
    assert draft.published_at is not None


def test_a_withdrawn_challenge_cannot_be_published(draft, owner_member):
    services.challenge_transition(challenge=draft, actor=owner_member, to_status="withdrawn")

    with pytest.raises(ValidationError):
        services.challenge_transition(challenge=draft, actor=owner_member, to_status="published")

    draft.refresh_from_db()
    assert draft.status == "withdrawn"


def test_expired_challenges_are_closed_and_future_ones_kept(stavanger):
    expired = ChallengeFactory(owner=stavanger, deadline=YESTERDAY)
    current = ChallengeFactory(owner=stavanger, deadline=TOMORROW)

    assert services.challenges_close_expired() == 1

    expired.refresh_from_db()
    current.refresh_from_db()
    assert (expired.status, current.status) == ("closed", "published")
    assert ChallengeEvent.objects.get(challenge=expired, to_status="closed").actor is None


def test_a_pitch_to_a_closed_challenge_is_refused(challenge, enterprise, entrepreneur):
    Challenge.objects.filter(pk=challenge.pk).update(status="closed")
    challenge.refresh_from_db()

    with pytest.raises(ValidationError):
        services.pitch_submit(challenge=challenge, sender=enterprise, actor=entrepreneur, data=PITCH, uploads=[])

    assert not Pitch.objects.exists()


def test_a_pitch_after_the_deadline_is_refused_even_before_the_challenge_is_closed(stavanger, enterprise, entrepreneur):
    challenge = ChallengeFactory(owner=stavanger, deadline=YESTERDAY)

    with pytest.raises(ValidationError):
        services.pitch_submit(challenge=challenge, sender=enterprise, actor=entrepreneur, data=PITCH, uploads=[])


def test_a_pitch_notifies_the_receiving_body_after_commit(
    challenge, enterprise, entrepreneur, owner_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pitch = services.pitch_submit(
            challenge=challenge,
            sender=enterprise,
            actor=entrepreneur,
            data=PITCH,
            uploads=[SimpleUploadedFile("plan.pdf", PDF_BYTES)],
        )

    assert pitch.receiver == challenge.owner
    assert PitchAttachment.objects.get(pitch=pitch).content_type == "application/pdf"
    assert mail.outbox[-1].to == [owner_member.email]
    assert "Besøksvennene AS" in mail.outbox[-1].subject


def test_a_disguised_attachment_refuses_the_whole_pitch(challenge, enterprise, entrepreneur):
    with pytest.raises(ValidationError):
        services.pitch_submit(
            challenge=challenge,
            sender=enterprise,
            actor=entrepreneur,
            data=PITCH,
            uploads=[SimpleUploadedFile("plan.pdf", PDF_BYTES), SimpleUploadedFile("virus.pdf", b"MZ\x90\x00")],
        )

    assert not Pitch.objects.exists()
    assert not PitchAttachment.objects.exists()


def test_an_unsolicited_idea_goes_to_the_contact_points_body(oslo, enterprise, entrepreneur):
    from samvei.organisations.tests.factories import ContactPointFactory

    point = ContactPointFactory(organisation=oslo)

    pitch = services.pitch_submit(contact_point=point, sender=enterprise, actor=entrepreneur, data=PITCH, uploads=[])

    assert (pitch.receiver, pitch.challenge) == (oslo, None)


def test_declining_needs_a_reason_and_tells_the_entrepreneur(
    pitch, owner_member, entrepreneur, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError):
        services.pitch_set_status(pitch=pitch, actor=owner_member, to_status="declined", reason=" ")

    with django_capture_on_commit_callbacks(execute=True):
        services.pitch_set_status(pitch=pitch, actor=owner_member, to_status="declined", reason="Passer ikke nå.")

    assert mail.outbox[-1].to == [entrepreneur.email]
    assert "Passer ikke nå." in mail.outbox[-1].body


def test_a_message_from_the_body_moves_the_pitch_into_dialogue_and_tells_the_entrepreneur(
    pitch, owner_member, stavanger, entrepreneur, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.message_send(pitch=pitch, party=stavanger, actor=owner_member, body="Kan vi møtes?")

    pitch.refresh_from_db()
    assert pitch.status == Pitch.Status.IN_DIALOGUE
    assert [message.to for message in mail.outbox] == [[entrepreneur.email]]
    assert "Kan vi møtes?" in mail.outbox[0].body


def test_a_third_organisation_cannot_write_in_the_thread(pitch, oslo, other_body_member):
    with pytest.raises(ValidationError):
        services.message_send(pitch=pitch, party=oslo, actor=other_body_member, body="Hei")


def test_answers_are_published_and_the_asker_told(challenge, owner_member, django_capture_on_commit_callbacks):
    asker = UserFactory()
    question = services.question_ask(challenge=challenge, user=asker, text="Kan vi bruke lokalene på kveldstid?")

    with django_capture_on_commit_callbacks(execute=True):
        services.question_answer(question=question, actor=owner_member, answer="Ja, etter avtale.")

    assert Question.objects.get(pk=question.pk).answered_at is not None
    assert mail.outbox[-1].to == [asker.email]


def test_selecting_a_pitch_starts_a_collaboration_and_chooses_the_partner(pitch, owner_member, challenge):
    collaboration = collaboration_start(pitch=pitch, actor=owner_member)

    pitch.refresh_from_db()
    challenge.refresh_from_db()
    assert pitch.status == Pitch.Status.SELECTED
    assert challenge.status == Challenge.Status.PARTNER_CHOSEN
    assert (collaboration.public_body, collaboration.partner) == (challenge.owner, pitch.sender)
    assert collaboration.events.get().kind == "started"


def test_a_pitch_cannot_be_selected_twice(pitch, owner_member):
    collaboration_start(pitch=pitch, actor=owner_member)

    with pytest.raises(ValidationError):
        collaboration_start(pitch=pitch, actor=owner_member)

    assert Collaboration.objects.count() == 1


def test_publishing_alerts_only_the_saved_searches_that_match(draft, owner_member, django_capture_on_commit_callbacks):
    draft.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))
    interested, uninterested = UserFactory(), UserFactory()
    SavedSearch.objects.create(user=interested, name="Eldre", query={"welfare_area": "elderly-care"})
    SavedSearch.objects.create(user=uninterested, name="Barn", query={"welfare_area": "child-welfare"})

    with django_capture_on_commit_callbacks(execute=True):
        services.challenge_transition(challenge=draft, actor=owner_member, to_status="published")

    assert [message.to for message in mail.outbox] == [[interested.email]]


def test_emails_are_written_in_the_recipients_language(pitch, owner_member, django_capture_on_commit_callbacks):
    pitch.sender.memberships.update()
    english = UserFactory(preferred_language="en")
    pitch.sender.memberships.create(user=english, role="member")

    with django_capture_on_commit_callbacks(execute=True):
        services.pitch_set_status(pitch=pitch, actor=owner_member, to_status="received")

    english_mail = next(message for message in mail.outbox if message.to == [english.email])
    assert "Your pitch" in english_mail.subject


def test_personal_data_export_includes_questions_pitches_and_saved_searches(pitch, entrepreneur, challenge):
    from samvei.accounts.services import personal_data_export

    Question.objects.create(challenge=challenge, asked_by=entrepreneur, text="Mitt spørsmål")
    Pitch.objects.filter(pk=pitch.pk).update(created_by=entrepreneur)
    SavedSearch.objects.create(user=entrepreneur, name="Eldre", query={"welfare_area": "elderly-care"})

    data = personal_data_export(user=entrepreneur)["challenges"]

    assert data["questions"][0]["question"] == "Mitt spørsmål"
    assert data["pitches_written"][0]["title"] == pitch.title
    assert data["saved_searches"] == [{"name": "Eldre", "filters": {"welfare_area": "elderly-care"}}]


def test_deleting_an_account_keeps_its_questions_without_the_asker(challenge, entrepreneur):
    from samvei.accounts.services import account_delete

    question = Question.objects.create(challenge=challenge, asked_by=entrepreneur, text="Mitt spørsmål")

    account_delete(user=entrepreneur)

    assert Question.objects.get(pk=question.pk).asked_by is None
