"""The public challenge API and unsolicited ideas to a public body."""

import pytest
from django.urls import reverse

from samvei.challenges.models import Pitch, Question

pytestmark = pytest.mark.django_db

PITCH = {"title": "Besøksvenner", "summary": "Ungdom besøker eldre."}


def test_api_lists_public_challenges_with_count_and_items(client, challenge, draft):
    body = client.get("/api/v1/challenges").json()

    assert [item["id"] for item in body["items"]] == [challenge.pk]
    assert body["count"] == 1


@pytest.mark.parametrize(
    "params",
    [{"status": "draft"}, {"county": "x"}, {"welfare_area": "nope"}, {"deadline_from": "i går"}, {"limit": -1}],
)
def test_api_refuses_invalid_filters(client, params):
    assert client.get("/api/v1/challenges", params).status_code == 422


def test_api_hides_drafts(client, draft):
    assert client.get(f"/api/v1/challenges/{draft.pk}").status_code == 404


def test_api_shows_answered_questions_without_askers(client, challenge, entrepreneur):
    Question.objects.create(challenge=challenge, asked_by=entrepreneur, text="Hvor mange?", answer="40")
    Question.objects.create(challenge=challenge, asked_by=entrepreneur, text="Ubesvart?")

    body = client.get(f"/api/v1/challenges/{challenge.pk}").json()

    assert body["questions"] == [{"question": "Hvor mange?", "answer": "40", "answered_at": None}]


# Ideas --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["abc", "999999", "-1", "²", "١٢", "9" * 30])
def test_idea_to_an_unknown_contact_point_is_a_404(client, entrepreneur, value):
    client.force_login(entrepreneur)

    assert (
        client.get(
            reverse("challenges:idea-create", kwargs={"slug": "oslo-0301"}), {"contact_point": value}
        ).status_code
        == 404
    )


def test_idea_to_a_public_body_reaches_its_entry_contact(client, entrepreneur, enterprise, oslo):
    from samvei.organisations.tests.factories import ContactPointFactory

    entry = ContactPointFactory(organisation=oslo, is_entry_contact=True)
    client.force_login(entrepreneur)

    client.post(
        reverse("challenges:idea-create", kwargs={"slug": oslo.slug}),
        {**PITCH, "sender": enterprise.pk, "contact_point": entry.pk},
    )

    pitch = Pitch.objects.get()
    assert (pitch.receiver, pitch.contact_point, pitch.challenge) == (oslo, entry, None)


def test_ideas_cannot_be_sent_to_an_enterprise(client, entrepreneur, enterprise):
    client.force_login(entrepreneur)

    assert client.get(reverse("challenges:idea-create", kwargs={"slug": enterprise.slug})).status_code == 404
