import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from samvei.challenges.models import Challenge, Pitch, PitchAttachment, Question, SavedSearch
from samvei.challenges.services import pitch_submit
from samvei.core.attachments import MAX_ATTACHMENT_BYTES
from samvei.core.tests.test_attachments import PDF_BYTES

from .factories import ChallengeFactory

pytestmark = pytest.mark.django_db

NEXT_MONTH = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
CHALLENGE = {"title": "Ensomhet", "description": "Beboere får få besøk.", "deadline": NEXT_MONTH, "intent": "pilot"}
PITCH = {"title": "Besøksvenner", "summary": "Ungdom besøker eldre."}


# Public list, detail and feed ----------------------------------------------------------------------------------


def test_list_shows_published_challenges_and_hides_drafts(client, challenge, draft):
    response = client.get(reverse("challenges:list"))

    titles = [c.title for c in response.context["page"].object_list]
    assert challenge.title in titles
    assert draft.title not in titles


def test_list_filters_by_welfare_area_and_county(client, stavanger, oslo):
    from samvei.taxonomy.models import WelfareArea

    stavanger_challenge = ChallengeFactory(owner=stavanger)
    stavanger_challenge.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))
    ChallengeFactory(owner=oslo).welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))

    response = client.get(reverse("challenges:list"), {"welfare_area": "elderly-care", "county": "11"})

    assert [c.pk for c in response.context["page"].object_list] == [stavanger_challenge.pk]


def test_list_search_finds_words_in_the_description(client, stavanger):
    ChallengeFactory(owner=stavanger, description="Ungdom på Storhaug faller ut av skolen.")

    response = client.get(reverse("challenges:list"), {"q": "storhaug"})

    assert response.context["page"].paginator.count == 1


@pytest.mark.parametrize("params", [{"deadline_from": "not-a-date"}, {"status": "draft"}, {"county": "99"}])
def test_list_explains_invalid_filters(client, params):
    assert client.get(reverse("challenges:list"), params).status_code == 400


def test_draft_is_a_404_for_anonymous_visitors_and_other_bodies(client, draft, other_body_member):
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(other_body_member)
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_feed_lists_published_challenges_only(client, challenge, draft, pitch):
    response = client.get(reverse("challenges:feed"))

    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert challenge.title in body
    assert draft.title not in body
    assert pitch.summary not in body


def test_questions_are_shown_without_the_askers_name(client, challenge, entrepreneur):
    Question.objects.create(challenge=challenge, asked_by=entrepreneur, text="Hvor mange?", answer="Rundt 40.")

    page = client.get(challenge.get_absolute_url()).text

    assert "Rundt 40." in page
    assert entrepreneur.email not in page
    assert entrepreneur.name not in page


# Creating, editing, publishing --------------------------------------------------------------------------------


def test_member_creates_a_draft_with_an_attachment(client, owner_member, stavanger):
    client.force_login(owner_member)

    response = client.post(
        reverse("challenges:create"),
        {**CHALLENGE, "welfare_areas": ["elderly-care"], "attachments": [SimpleUploadedFile("plan.pdf", PDF_BYTES)]},
    )

    challenge = Challenge.objects.get(title="Ensomhet")
    assert response["Location"] == challenge.get_absolute_url()
    assert challenge.status == "draft"
    assert challenge.attachments.get().content_type == "application/pdf"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"deadline": "2020-01-01"}, "fortiden"),
        ({"description": ""}, "fylle ut"),
        ({"attachments": [SimpleUploadedFile("plan.pdf", b"MZ\x90\x00" * 10)]}, "PDF"),
        ({"attachments": [SimpleUploadedFile("stor.pdf", PDF_BYTES + b"0" * MAX_ATTACHMENT_BYTES)]}, "10"),
        ({"funding_min_nok": "500000", "funding_max_nok": "100000"}, "nedre"),
    ],
)
def test_bad_challenge_input_is_refused_with_a_clear_message_and_nothing_stored(
    client, owner_member, stavanger, change, message
):
    client.force_login(owner_member)

    response = client.post(reverse("challenges:create"), {**CHALLENGE, **change})

    assert response.status_code == 400
    assert message in response.text
    assert not Challenge.objects.filter(title="Ensomhet").exists()


def test_an_entrepreneur_cannot_create_a_challenge(client, entrepreneur):
    client.force_login(entrepreneur)

    assert client.post(reverse("challenges:create"), CHALLENGE).status_code == 403
    assert not Challenge.objects.exists()


def test_another_body_cannot_publish_or_edit_the_challenge(client, draft, other_body_member):
    client.force_login(other_body_member)

    assert (
        client.post(reverse("challenges:transition", kwargs={"pk": draft.pk}), {"to_status": "published"}).status_code
        == 404
    )
    assert client.post(reverse("challenges:edit", kwargs={"pk": draft.pk}), CHALLENGE).status_code == 404
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_member_publishes_the_draft(client, draft, owner_member):
    client.force_login(owner_member)

    client.post(reverse("challenges:transition", kwargs={"pk": draft.pk}), {"to_status": "published"})

    draft.refresh_from_db()
    assert draft.status == "published"


# Pitches: visible to the two parties only --------------------------------------------------------------------


def test_entrepreneur_pitches_with_an_attachment(client, challenge, entrepreneur, enterprise):
    client.force_login(entrepreneur)

    response = client.post(
        reverse("challenges:pitch-create", kwargs={"pk": challenge.pk}),
        {**PITCH, "sender": enterprise.pk, "attachments": [SimpleUploadedFile("plan.pdf", PDF_BYTES)]},
    )

    pitch = Pitch.objects.get()
    assert response["Location"] == pitch.get_absolute_url()
    assert (pitch.sender, pitch.receiver) == (enterprise, challenge.owner)


def test_pitch_with_empty_text_is_refused(client, challenge, entrepreneur, enterprise):
    client.force_login(entrepreneur)

    response = client.post(reverse("challenges:pitch-create", kwargs={"pk": challenge.pk}), {"sender": enterprise.pk})

    assert response.status_code == 400
    assert not Pitch.objects.exists()


def test_pitch_to_a_closed_challenge_is_refused(client, stavanger, entrepreneur, enterprise):
    closed = ChallengeFactory(owner=stavanger, status="closed")
    client.force_login(entrepreneur)

    client.post(reverse("challenges:pitch-create", kwargs={"pk": closed.pk}), {**PITCH, "sender": enterprise.pk})

    assert not Pitch.objects.exists()


def test_cannot_pitch_in_the_name_of_an_organisation_you_do_not_belong_to(
    client, challenge, other_entrepreneur, enterprise
):
    client.force_login(other_entrepreneur)

    response = client.post(
        reverse("challenges:pitch-create", kwargs={"pk": challenge.pk}), {**PITCH, "sender": enterprise.pk}
    )

    assert response.status_code == 400
    assert not Pitch.objects.exists()


@pytest.mark.parametrize("role", ["other_entrepreneur", "other_body_member", "staff"])
def test_a_pitch_and_its_files_are_invisible_to_third_parties(
    client, request, challenge, enterprise, entrepreneur, role
):
    pitch = pitch_submit(
        challenge=challenge,
        sender=enterprise,
        actor=entrepreneur,
        data=PITCH,
        uploads=[SimpleUploadedFile("plan.pdf", PDF_BYTES)],
    )
    attachment = PitchAttachment.objects.get(pitch=pitch)
    client.force_login(request.getfixturevalue(role))

    assert client.get(pitch.get_absolute_url()).status_code == 404
    assert client.get(attachment.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/pitches/{pitch.pk}").status_code == 404
    assert client.get("/api/v1/pitches").json()["count"] == 0
    assert pitch.title not in client.get(challenge.get_absolute_url()).text
    assert client.post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk})).status_code == 404


def test_anonymous_visitors_get_no_pitch_anywhere(client, pitch):
    assert client.get(pitch.get_absolute_url()).status_code == 302
    assert client.get("/api/v1/pitches").status_code == 401
    assert client.get(f"/api/v1/pitches/{pitch.pk}").status_code == 401
    assert client.get(reverse("challenges:list"), {"q": "besøksvenner"}).context["page"].paginator.count == 0


@pytest.mark.parametrize("role", ["entrepreneur", "owner_member"])
def test_both_parties_see_the_pitch_and_its_files(client, request, challenge, enterprise, entrepreneur, role):
    pitch = pitch_submit(
        challenge=challenge,
        sender=enterprise,
        actor=entrepreneur,
        data=PITCH,
        uploads=[SimpleUploadedFile("plan.pdf", PDF_BYTES)],
    )
    client.force_login(request.getfixturevalue(role))

    assert client.get(pitch.get_absolute_url()).status_code == 200
    download = client.get(PitchAttachment.objects.get().get_absolute_url())
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client.get("/api/v1/pitches").json()["count"] == 1


def test_the_entrepreneur_cannot_mark_their_own_pitch_selected(client, pitch, entrepreneur):
    client.force_login(entrepreneur)

    client.post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk}))
    response = client.post(reverse("challenges:pitch-status", kwargs={"pk": pitch.pk}), {"to_status": "received"})

    assert response.status_code == 403
    pitch.refresh_from_db()
    assert pitch.status == Pitch.Status.SUBMITTED


def test_declining_without_a_reason_is_refused(client, pitch, owner_member):
    client.force_login(owner_member)

    response = client.post(
        reverse("challenges:pitch-status", kwargs={"pk": pitch.pk}), {"to_status": "declined"}, follow=True
    )

    pitch.refresh_from_db()
    assert pitch.status == Pitch.Status.SUBMITTED
    assert "hvorfor" in response.text.lower() or "why" in response.text.lower()


def test_both_parties_write_in_the_thread(client, pitch, owner_member, entrepreneur):
    client.force_login(owner_member)
    client.post(pitch.get_absolute_url(), {"body": "Kan vi møtes?"})
    client.force_login(entrepreneur)
    client.post(pitch.get_absolute_url(), {"body": "Gjerne!"})

    assert [m.body for m in pitch.messages.all()] == ["Kan vi møtes?", "Gjerne!"]


def test_an_empty_message_is_refused(client, pitch, entrepreneur):
    client.force_login(entrepreneur)

    assert client.post(pitch.get_absolute_url(), {"body": ""}).status_code == 400
    assert not pitch.messages.exists()


def test_selecting_a_pitch_shows_the_collaboration_to_both(client, pitch, owner_member, entrepreneur):
    client.force_login(owner_member)
    response = client.post(reverse("collaborations:start", kwargs={"pitch_id": pitch.pk}))
    collaboration_url = response["Location"]

    client.force_login(entrepreneur)
    assert client.get(collaboration_url).status_code == 200
    assert pitch.title in client.get(reverse("collaborations:list")).text


# Questions and saved searches ---------------------------------------------------------------------------------


def test_anonymous_cannot_ask(client, challenge):
    response = client.post(reverse("challenges:question-ask", kwargs={"pk": challenge.pk}), {"text": "Hei?"})

    assert response.status_code == 302
    assert not Question.objects.exists()


def test_an_empty_question_is_refused(client, challenge, entrepreneur):
    client.force_login(entrepreneur)

    client.post(reverse("challenges:question-ask", kwargs={"pk": challenge.pk}), {"text": ""})

    assert not Question.objects.exists()


def test_only_the_owner_answers(client, challenge, entrepreneur, other_body_member):
    question = Question.objects.create(challenge=challenge, asked_by=entrepreneur, text="Hvor mange?")
    client.force_login(other_body_member)

    response = client.post(reverse("challenges:question-answer", kwargs={"pk": question.pk}), {"answer": "40"})

    assert response.status_code == 403
    assert Question.objects.get(pk=question.pk).answer == ""


def test_each_unanswered_question_has_its_own_labelled_answer_field(client, challenge, entrepreneur, owner_member):
    first = Question.objects.create(challenge=challenge, asked_by=entrepreneur, text="Hvor mange?")
    second = Question.objects.create(challenge=challenge, asked_by=entrepreneur, text="Når?")
    client.force_login(owner_member)

    page = client.get(reverse("challenges:detail", kwargs={"pk": challenge.pk})).text

    for question in (first, second):
        field_id = f"answer-{question.pk}-answer"
        assert f'for="{field_id}"' in page
        assert page.count(f'id="{field_id}"') == 1


def test_saving_a_search_keeps_the_current_filters(client, entrepreneur):
    client.force_login(entrepreneur)

    client.post(
        reverse("challenges:saved-search-create"),
        {"name": "Eldre i Rogaland", "county": "11", "welfare_area": "elderly-care"},
    )

    search = SavedSearch.objects.get(user=entrepreneur)
    assert search.query == {"county": "11", "welfare_area": "elderly-care"}


def test_a_user_cannot_delete_someone_elses_saved_search(client, entrepreneur, other_entrepreneur):
    search = SavedSearch.objects.create(user=entrepreneur, name="Min", query={})
    client.force_login(other_entrepreneur)

    assert client.post(reverse("challenges:saved-search-delete", kwargs={"pk": search.pk})).status_code == 404
    assert SavedSearch.objects.filter(pk=search.pk).exists()
