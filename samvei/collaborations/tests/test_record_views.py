"""Every new page and action against every role: the parties work on the record; staff who are no party may
open the page but see none of its private content and change nothing (403); anyone else gets a 404 (the record's
existence is not shown); anonymous visitors are sent to sign in. Bad input shows the page again with a 400."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from samvei.collaborations import services
from samvei.collaborations.models import CollaborationDocument, Milestone
from samvei.core.tests.access import outcome, signed_in_as
from samvei.core.tests.test_attachments import PDF_BYTES

from .factories import MilestoneFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "body_member", "partner_member", "other_entrepreneur", "other_body_member", "staff"]
PARTIES = {"body_member", "partner_member"}
TODAY = timezone.localdate()
FUTURE = (TODAY + datetime.timedelta(days=20)).isoformat()
PAST = (TODAY - datetime.timedelta(days=1)).isoformat()


def expected(role, *, ok):
    if role == "anonymous":
        return "login"
    if role in PARTIES:
        return ok
    return 403 if role == "staff" else 404


def _url(name, collaboration, **extra):
    return reverse(f"collaborations:{name}", kwargs={"pk": collaboration.pk, **extra})


# Detail: private content ----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_record_shows_milestones_and_the_timeline_to_the_parties_only(client, request, collaboration, role):
    MilestoneFactory(collaboration=collaboration, title="Hemmelig milepæl")
    services.collaboration_stage_set(
        collaboration=collaboration, stage="dialogue", actor=request.getfixturevalue("body_member")
    )

    response = signed_in_as(client, request, role).get(collaboration.get_absolute_url())

    assert outcome(response) == ("login" if role == "anonymous" else 200 if role in PARTIES | {"staff"} else 404)
    assert ("Hemmelig milepæl" in response.text) is (role in PARTIES)
    assert ('id="timeline"' in response.text) is (role in PARTIES)


def test_staff_see_the_stage_but_not_the_advice(client, staff, collaboration, body_member):
    services.collaboration_advice_record(
        collaboration=collaboration,
        actor=body_member,
        question=services.AdviceQuestion(buyer="municipality", category="works", value_nok=123_456_789, day=TODAY),
    )
    client.force_login(staff)

    response = client.get(collaboration.get_absolute_url())

    assert collaboration.get_stage_display() in response.text
    assert "123456789" not in response.text
    assert "advice_form" not in response.context


def test_the_detail_page_shows_the_chosen_form_with_a_link(client, collaboration, body_member):
    from samvei.procurement.models import Route

    route = Route.objects.get(key="pilot-agreement")
    services.collaboration_plan_set(collaboration=collaboration, actor=body_member, form=route, pilot_ends_on=None)
    client.force_login(body_member)

    response = client.get(collaboration.get_absolute_url())

    assert route.get_absolute_url() in response.text


# Stage ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_move_the_stage(client, request, collaboration, role):
    response = signed_in_as(client, request, role).post(_url("stage", collaboration), {"stage-stage": "pilot"})

    assert outcome(response) == expected(role, ok=302)
    collaboration.refresh_from_db()
    assert (collaboration.stage == "pilot") is (role in PARTIES)


def test_an_unknown_stage_shows_the_page_again(client, collaboration, body_member):
    client.force_login(body_member)

    response = client.post(_url("stage", collaboration), {"stage-stage": "started"})

    assert response.status_code == 400
    assert response.context["stage_form"].errors
    collaboration.refresh_from_db()
    assert collaboration.stage == "idea"


def test_the_stage_needs_a_post(client, collaboration, body_member):
    client.force_login(body_member)

    assert client.get(_url("stage", collaboration)).status_code == 405


# Plan -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_choose_the_form_and_the_pilot_end(client, request, collaboration, role):
    data = {"plan-form": "pilot-agreement", "plan-pilot_ends_on": FUTURE}

    response = signed_in_as(client, request, role).post(_url("plan", collaboration), data)

    assert outcome(response) == expected(role, ok=302)
    collaboration.refresh_from_db()
    assert (collaboration.form_id is not None) is (role in PARTIES)


@pytest.mark.parametrize(
    "data",
    [
        {"plan-form": "no-such-form", "plan-pilot_ends_on": ""},
        {"plan-form": "direct-purchase", "plan-pilot_ends_on": ""},  # a procedure, not a form
        {"plan-form": "", "plan-pilot_ends_on": PAST},
        {"plan-form": "", "plan-pilot_ends_on": "31.02.2027"},
    ],
)
def test_a_bad_plan_shows_the_page_again_and_changes_nothing(client, collaboration, body_member, data):
    client.force_login(body_member)

    response = client.post(_url("plan", collaboration), data)

    assert response.status_code == 400
    assert response.context["plan_form"].errors
    collaboration.refresh_from_db()
    assert (collaboration.form, collaboration.pilot_ends_on) == (None, None)
    assert not collaboration.events.exists()


# Advice ---------------------------------------------------------------------------------------------------

ADVICE = {
    "advice-buyer": "municipality",
    "advice-category": "health_social",
    "advice-value": "3000000",
    "advice-date": TODAY.isoformat(),
    "advice-supplier": "ideell",
}


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_record_the_advice(client, request, collaboration, role):
    response = signed_in_as(client, request, role).post(_url("advice", collaboration), ADVICE)

    assert outcome(response) == expected(role, ok=302)
    collaboration.refresh_from_db()
    assert bool(collaboration.advice) is (role in PARTIES)


def test_the_recorded_advice_is_summarised_with_its_date(client, collaboration, body_member):
    client.force_login(body_member)

    response = client.post(_url("advice", collaboration), ADVICE, follow=True)

    collaboration.refresh_from_db()
    assert collaboration.advice["supplier"] == "ideell"
    assert collaboration.advice_date == TODAY
    assert TODAY.strftime("%Y") in response.text
    assert "advice_recorded" in [e.kind for e in response.context["events"]]


@pytest.mark.parametrize(
    "changes",
    [{"advice-buyer": "galaxy"}, {"advice-value": "-5"}, {"advice-date": "not a date"}, {"advice-category": ""}],
)
def test_bad_advice_input_shows_the_page_again(client, collaboration, body_member, changes):
    client.force_login(body_member)

    response = client.post(_url("advice", collaboration), {**ADVICE, **changes})

    assert response.status_code == 400
    assert response.context["advice_form"].errors
    collaboration.refresh_from_db()
    assert collaboration.advice == {}


# Continue after the pilot ---------------------------------------------------------------------------------


def test_routes_to_continue_show_when_the_pilot_ends_within_sixty_days(client, collaboration, body_member):
    collaboration.pilot_ends_on = TODAY + datetime.timedelta(days=59)
    collaboration.expected_value_nok, collaboration.category = 5_000_000, "works"
    collaboration.save()
    client.force_login(body_member)

    response = client.get(collaboration.get_absolute_url())

    routes = response.context["continue_routes"]
    assert routes
    assert all(route.get_absolute_url() in response.text for route in routes)


def test_routes_to_continue_wait_while_the_pilot_ends_later(client, collaboration, body_member):
    collaboration.pilot_ends_on = TODAY + datetime.timedelta(days=61)
    collaboration.expected_value_nok, collaboration.category = 5_000_000, "works"
    collaboration.save()
    client.force_login(body_member)

    response = client.get(collaboration.get_absolute_url())

    assert response.context["continue_due"] is False
    assert 'id="continue-heading"' not in response.text


# Milestones -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_add_milestones(client, request, collaboration, role):
    data = {"milestone-title": "Oppstart", "milestone-due_on": FUTURE, "milestone-owner": collaboration.partner_id}

    response = signed_in_as(client, request, role).post(_url("milestone-add", collaboration), data)

    assert outcome(response) == expected(role, ok=302)
    assert Milestone.objects.filter(title="Oppstart").exists() is (role in PARTIES)


@pytest.mark.parametrize(
    "changes",
    [
        {"milestone-due_on": PAST},
        {"milestone-due_on": "2027-13-40"},
        {"milestone-owner": "third"},
        {"milestone-title": ""},
    ],
)
def test_a_bad_milestone_shows_the_page_again(client, collaboration, body_member, other_entrepreneur, changes):
    if changes.get("milestone-owner") == "third":
        changes = {"milestone-owner": other_entrepreneur.memberships.get().organisation_id}
    data = {"milestone-title": "Oppstart", "milestone-due_on": FUTURE, "milestone-owner": collaboration.partner_id}
    client.force_login(body_member)

    response = client.post(_url("milestone-add", collaboration), {**data, **changes})

    assert response.status_code == 400
    assert response.context["milestone_form"].errors
    assert not Milestone.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_mark_a_milestone_done(client, request, collaboration, role):
    milestone = MilestoneFactory(collaboration=collaboration)

    response = signed_in_as(client, request, role).post(
        _url("milestone-done", collaboration, milestone_pk=milestone.pk)
    )

    assert outcome(response) == expected(role, ok=302)
    milestone.refresh_from_db()
    assert (milestone.done_on is not None) is (role in PARTIES)


def test_a_milestone_of_another_collaboration_is_a_404(client, collaboration, direct, body_member):
    milestone = MilestoneFactory(collaboration=direct)
    client.force_login(body_member)

    response = client.post(_url("milestone-done", collaboration, milestone_pk=milestone.pk))

    assert response.status_code == 404
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_marking_a_done_milestone_again_explains_and_changes_nothing(client, collaboration, body_member):
    milestone = MilestoneFactory(collaboration=collaboration, done_on=TODAY - datetime.timedelta(days=3))
    client.force_login(body_member)

    response = client.post(_url("milestone-done", collaboration, milestone_pk=milestone.pk), follow=True)

    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    milestone.refresh_from_db()
    assert milestone.done_on == TODAY - datetime.timedelta(days=3)


# Documents ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_upload_documents(client, request, collaboration, role):
    upload = SimpleUploadedFile("plan.pdf", PDF_BYTES)

    response = signed_in_as(client, request, role).post(
        _url("document-upload", collaboration), {"document-attachments": [upload]}
    )

    assert outcome(response) == expected(role, ok=302)
    assert CollaborationDocument.objects.exists() is (role in PARTIES)


@pytest.mark.parametrize(
    "upload", [None, SimpleUploadedFile("virus.pdf", b"MZ\x90\x00"), SimpleUploadedFile("empty.pdf", b"")]
)
def test_a_bad_or_missing_file_shows_the_page_again(client, collaboration, body_member, upload):
    client.force_login(body_member)

    response = client.post(_url("document-upload", collaboration), {"document-attachments": [upload] if upload else []})

    assert response.status_code == 400
    assert response.context["document_form"].errors
    assert not CollaborationDocument.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_download_a_document(client, request, collaboration, body_member, role):
    [document] = services.documents_add(
        collaboration=collaboration, actor=body_member, uploads=[SimpleUploadedFile("plan.pdf", PDF_BYTES)]
    )

    response = signed_in_as(client, request, role).get(document.get_absolute_url())

    assert outcome(response) == ("login" if role == "anonymous" else 200 if role in PARTIES else 404)
    if role in PARTIES:
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Cache-Control"] == "private, no-store"
        assert response["Content-Disposition"] == 'attachment; filename="plan.pdf"'


def test_an_unknown_document_is_a_404(client, body_member):
    client.force_login(body_member)

    assert client.get(reverse("collaborations:document", kwargs={"token": "nope"})).status_code == 404
