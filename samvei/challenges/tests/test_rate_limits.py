"""Questions and pitches e-mail a public body, so each person may send only a handful at a time; beyond the
limit nothing is stored and the person is told why (issue 12 §2: 20 questions and 20 e-mails in 2 s)."""

import pytest
from django.core import mail
from django.urls import reverse

from samvei.challenges.models import Pitch, Question
from samvei.core.rate_limits import refusal

pytestmark = pytest.mark.django_db

PITCH = {"title": "Besøksvenner", "summary": "Ungdom besøker eldre."}


@pytest.fixture(autouse=True)
def low_limits(settings):
    settings.RATE_LIMITS = {"question": "2/10m/user", "pitch": "2/1h/user", "message": "2/10m/user"}


def test_questions_beyond_the_limit_are_refused_with_a_message_and_not_stored(client, challenge, entrepreneur):
    client.force_login(entrepreneur)
    url = reverse("challenges:question-ask", kwargs={"pk": challenge.pk})
    for number in range(2):
        client.post(url, {"text": f"Spørsmål {number}?"})

    response = client.post(url, {"text": "Ett til?"}, follow=True)

    assert Question.objects.count() == 2
    assert refusal("question") in response.text


def test_the_question_limit_counts_per_person(client, challenge, entrepreneur, other_entrepreneur):
    url = reverse("challenges:question-ask", kwargs={"pk": challenge.pk})
    client.force_login(entrepreneur)
    for number in range(3):
        client.post(url, {"text": f"Spørsmål {number}?"})

    client.force_login(other_entrepreneur)
    client.post(url, {"text": "Mitt første?"})

    assert Question.objects.filter(asked_by=other_entrepreneur).count() == 1


def test_pitches_beyond_the_limit_answer_429_and_neither_store_nor_send_anything(
    client, challenge, entrepreneur, enterprise, django_capture_on_commit_callbacks
):
    client.force_login(entrepreneur)
    url = reverse("challenges:pitch-create", kwargs={"pk": challenge.pk})
    for _number in range(2):
        client.post(url, {**PITCH, "sender": enterprise.pk})
    sent = len(mail.outbox)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {**PITCH, "sender": enterprise.pk})

    assert response.status_code == 429
    assert refusal("pitch") in response.text
    assert Pitch.objects.count() == 2
    assert len(mail.outbox) == sent


def test_messages_beyond_the_limit_are_refused_with_a_message_and_not_stored(client, pitch, entrepreneur):
    client.force_login(entrepreneur)
    url = reverse("challenges:pitch-detail", kwargs={"pk": pitch.pk})
    for number in range(2):
        client.post(url, {"body": f"Melding {number}"})

    response = client.post(url, {"body": "Én til"})

    assert pitch.messages.count() == 2
    assert refusal("message") in response.text
