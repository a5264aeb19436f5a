"""E-mails about challenges and pitches, each in its recipient's language."""

from __future__ import annotations

from django.conf import settings

from samvei.core.mail import link, send_templated_email
from samvei.organisations.notifications import member_addresses

from .models import Challenge, Message, Pitch, Question, SavedSearch
from .selectors import ChallengeFilters, challenge_matches, recipients_for


def pitch_received(*, pitch_id: int) -> None:
    pitch = Pitch.objects.select_related("sender", "receiver", "challenge", "contact_point").get(pk=pitch_id)
    recipients = recipients_for(receiver=pitch.receiver, contact_point=pitch.contact_point)
    addresses = list(recipients.member_addresses)
    if recipients.contact_point is not None:
        addresses.append((recipients.contact_point.email, settings.LANGUAGE_CODE))
    send_templated_email(
        template="challenges/email/pitch_received",
        recipients=addresses,
        context={"pitch": pitch, "url": link(pitch)},
    )


def pitch_status(*, pitch_id: int) -> None:
    pitch = Pitch.objects.select_related("sender", "receiver").get(pk=pitch_id)
    send_templated_email(
        template="challenges/email/pitch_status",
        recipients=member_addresses(pitch.sender_id),
        context={"pitch": pitch, "url": link(pitch)},
    )


def message_sent(*, message_id: int) -> None:
    message = Message.objects.select_related("pitch", "sender").get(pk=message_id)
    pitch = message.pitch
    other = pitch.receiver_id if message.sender_id == pitch.sender_id else pitch.sender_id
    send_templated_email(
        template="challenges/email/message",
        recipients=member_addresses(other),
        context={"message": message, "pitch": pitch, "url": link(pitch)},
    )


def question_asked(*, question_id: int) -> None:
    question = Question.objects.select_related("challenge").get(pk=question_id)
    send_templated_email(
        template="challenges/email/question_asked",
        recipients=member_addresses(question.challenge.owner_id),
        context={"question": question, "url": link(question.challenge)},
    )


def question_answered(*, question_id: int) -> None:
    question = Question.objects.select_related("challenge", "asked_by").get(pk=question_id)
    if question.asked_by is None:
        return
    send_templated_email(
        template="challenges/email/question_answered",
        recipients=[(question.asked_by.email, question.asked_by.preferred_language)],
        context={"question": question, "url": link(question.challenge)},
    )


def saved_search_alerts(*, challenge_id: int) -> None:
    challenge = Challenge.objects.get(pk=challenge_id)
    for search in SavedSearch.objects.select_related("user").filter(user__is_active=True):
        if challenge_matches(challenge=challenge, filters=ChallengeFilters.from_query(search.query)):
            send_templated_email(
                template="challenges/email/saved_search_alert",
                recipients=[(search.user.email, search.user.preferred_language)],
                context={"challenge": challenge, "search": search, "url": link(challenge)},
            )
