"""Starting without a pitch, moving the stage, the plan, the advice, milestones and documents: each change is an
event, and bad input changes nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from samvei.collaborations import services
from samvei.collaborations.models import Collaboration, CollaborationDocument, CollaborationEvent, Milestone
from samvei.collaborations.services import AdviceQuestion
from samvei.core.tests.test_attachments import PDF_BYTES
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory
from samvei.procurement.models import Route

from .factories import MilestoneFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def pilot_form(db):
    return Route.objects.get(key="pilot-agreement")


def question(**changes):
    return AdviceQuestion(
        **{"buyer": "municipality", "category": "health_social", "value_nok": 2_000_000, "day": TODAY, **changes}
    )


# Starting without a pitch ------------------------------------------------------------------------------------


def test_a_body_member_starts_a_record_naming_the_partner(stavanger, enterprise, body_member):
    collaboration = services.collaboration_create(
        actor=body_member, organisation=stavanger, other=enterprise, title="Besøksvenner"
    )

    assert (collaboration.public_body, collaboration.partner, collaboration.pitch) == (stavanger, enterprise, None)
    assert collaboration.stage == Collaboration.Stage.IDEA
    assert list(collaboration.events.values_list("kind", "organisation")) == [("started", stavanger.pk)]


def test_an_enterprise_member_starts_a_record_naming_the_public_body(stavanger, enterprise, partner_member):
    collaboration = services.collaboration_create(
        actor=partner_member, organisation=enterprise, other=stavanger, title="Besøksvenner"
    )

    assert (collaboration.public_body, collaboration.partner) == (stavanger, enterprise)


def test_starting_with_a_form_and_a_question_keeps_both(stavanger, enterprise, body_member, pilot_form):
    collaboration = services.collaboration_create(
        actor=body_member, organisation=stavanger, other=enterprise, title="T", form=pilot_form, question=question()
    )

    collaboration.refresh_from_db()
    assert collaboration.form == pilot_form
    assert collaboration.advice["value"] == 2_000_000
    assert (collaboration.advice_date, collaboration.expected_value_nok) == (TODAY, 2_000_000)
    assert [e.kind for e in collaboration.events.all()] == ["started", "form_chosen", "advice_recorded"]


def test_a_record_with_oneself_is_refused(stavanger, body_member):
    with pytest.raises(ValidationError) as refusal:
        services.collaboration_create(actor=body_member, organisation=stavanger, other=stavanger, title="T")

    assert "partner" in refusal.value.error_dict
    assert not Collaboration.objects.exists()


def test_two_enterprises_cannot_start_a_record_without_a_public_body(enterprise, partner_member):
    with pytest.raises(ValidationError) as refusal:
        services.collaboration_create(
            actor=partner_member, organisation=enterprise, other=OrganisationFactory(), title="T"
        )

    assert refusal.value.error_dict["partner"][0].code == "no_public_body"
    assert not Collaboration.objects.exists()


def test_nobody_starts_a_record_for_an_organisation_they_do_not_act_for(stavanger, enterprise, other_entrepreneur):
    with pytest.raises(ValidationError):
        services.collaboration_create(actor=other_entrepreneur, organisation=enterprise, other=stavanger, title="T")

    assert not Collaboration.objects.exists()


def test_a_procedure_is_not_a_collaboration_form(stavanger, enterprise, body_member):
    procedure = Route.objects.filter(kind=Route.Kind.PROCEDURE).first()

    with pytest.raises(ValidationError):
        services.collaboration_create(
            actor=body_member, organisation=stavanger, other=enterprise, title="T", form=procedure
        )

    assert not Collaboration.objects.exists()


# Stage -------------------------------------------------------------------------------------------------------


def test_either_party_moves_the_stage_and_each_move_is_an_event(collaboration, body_member, partner_member):
    services.collaboration_stage_set(collaboration=collaboration, stage="dialogue", actor=body_member)
    services.collaboration_stage_set(collaboration=collaboration, stage="pilot", actor=partner_member)

    collaboration.refresh_from_db()
    assert collaboration.stage == "pilot"
    assert list(collaboration.events.values_list("data", "organisation")) == [
        ({"from": "idea", "to": "dialogue"}, collaboration.public_body_id),
        ({"from": "dialogue", "to": "pilot"}, collaboration.partner_id),
    ]


@pytest.mark.parametrize("stage", ["idea", "started", "nonsense"])
def test_an_unknown_or_unchanged_stage_is_refused(collaboration, body_member, stage):
    with pytest.raises(ValidationError):
        services.collaboration_stage_set(collaboration=collaboration, stage=stage, actor=body_member)

    collaboration.refresh_from_db()
    assert collaboration.stage == "idea"
    assert not collaboration.events.exists()


# Plan and advice ---------------------------------------------------------------------------------------------


def test_the_plan_records_only_what_changed(collaboration, body_member, pilot_form):
    ends = TODAY + datetime.timedelta(days=90)
    services.collaboration_plan_set(collaboration=collaboration, actor=body_member, form=pilot_form, pilot_ends_on=ends)
    services.collaboration_plan_set(collaboration=collaboration, actor=body_member, form=pilot_form, pilot_ends_on=ends)

    collaboration.refresh_from_db()
    assert (collaboration.form, collaboration.pilot_ends_on) == (pilot_form, ends)
    assert [e.kind for e in collaboration.events.all()] == ["form_chosen", "pilot_end_set"]


def test_a_pilot_end_in_the_past_is_refused(collaboration, body_member):
    with pytest.raises(ValidationError) as refusal:
        services.collaboration_plan_set(
            collaboration=collaboration, actor=body_member, form=None, pilot_ends_on=TODAY - datetime.timedelta(days=1)
        )

    assert "pilot_ends_on" in refusal.value.error_dict
    collaboration.refresh_from_db()
    assert collaboration.pilot_ends_on is None
    assert not collaboration.events.exists()


def test_the_advice_is_kept_as_the_advisor_gave_it(collaboration, body_member):
    services.collaboration_advice_record(collaboration=collaboration, actor=body_member, question=question())

    collaboration.refresh_from_db()
    assert collaboration.advice["date"] == TODAY.isoformat()
    assert collaboration.advice["category"] == "health_social"
    assert isinstance(collaboration.advice["routes"], list)
    assert collaboration.category == "health_social"
    assert collaboration.events.get().kind == "advice_recorded"


@pytest.mark.parametrize(
    "changes", [{"buyer": "galaxy"}, {"category": "any"}, {"value_nok": -1}, {"supplier": "pirates"}]
)
def test_a_bad_question_to_the_advisor_is_refused(collaboration, body_member, changes):
    with pytest.raises(ValidationError):
        services.collaboration_advice_record(
            collaboration=collaboration, actor=body_member, question=question(**changes)
        )

    collaboration.refresh_from_db()
    assert collaboration.advice == {}
    assert not collaboration.events.exists()


def test_the_routes_to_continue_need_a_value_and_a_kind_of_purchase(collaboration):
    collaboration.pilot_ends_on = TODAY + datetime.timedelta(days=30)

    assert services.continue_routes(collaboration=collaboration) is None


def test_the_routes_to_continue_are_the_advisors_for_the_pilots_end(collaboration):
    from samvei.procurement.advice import advice_for

    ends = TODAY + datetime.timedelta(days=30)
    collaboration.pilot_ends_on, collaboration.expected_value_nok, collaboration.category = ends, 5_000_000, "works"

    routes = services.continue_routes(collaboration=collaboration)

    expected = advice_for(buyer="municipality", category="works", value_nok=5_000_000, day=ends).routes
    assert [route.key for route in routes] == [route.key for route in expected]
    assert routes


def test_a_state_agency_asks_as_the_state(db):
    agency = OrganisationFactory(kind="state_agency")

    assert services.buyer_of(agency) == "state"


# Milestones --------------------------------------------------------------------------------------------------


def test_either_party_adds_a_milestone_owned_by_a_party(collaboration, partner_member):
    due = TODAY + datetime.timedelta(days=10)
    milestone = services.milestone_add(
        collaboration=collaboration, actor=partner_member, title="Oppstart", due_on=due, owner=collaboration.partner
    )

    assert (milestone.title, milestone.due_on, milestone.owner, milestone.done_on) == (
        "Oppstart",
        due,
        collaboration.partner,
        None,
    )
    assert collaboration.events.get().data["title"] == "Oppstart"


def test_a_milestone_owned_by_a_third_organisation_is_refused(collaboration, body_member):
    with pytest.raises(ValidationError) as refusal:
        services.milestone_add(
            collaboration=collaboration,
            actor=body_member,
            title="T",
            due_on=TODAY,
            owner=OrganisationFactory(),
        )

    assert "owner" in refusal.value.error_dict
    assert not Milestone.objects.exists()


def test_a_milestone_due_in_the_past_is_refused(collaboration, body_member):
    with pytest.raises(ValidationError):
        services.milestone_add(
            collaboration=collaboration,
            actor=body_member,
            title="T",
            due_on=TODAY - datetime.timedelta(days=1),
            owner=collaboration.public_body,
        )

    assert not Milestone.objects.exists()


def test_marking_a_milestone_done_dates_it_once(collaboration, body_member):
    milestone = MilestoneFactory(collaboration=collaboration)

    services.milestone_mark_done(milestone=milestone, actor=body_member)
    with pytest.raises(ValidationError):
        services.milestone_mark_done(milestone=milestone, actor=body_member)

    milestone.refresh_from_db()
    assert milestone.done_on == TODAY
    assert list(collaboration.events.values_list("kind", flat=True)) == ["milestone_done"]


# Documents ---------------------------------------------------------------------------------------------------


def test_a_document_is_stored_under_its_kind_and_recorded(collaboration, body_member):
    [document] = services.documents_add(
        collaboration=collaboration, actor=body_member, uploads=[SimpleUploadedFile("avtale.pdf.exe", PDF_BYTES)]
    )

    assert (document.original_name, document.content_type) == ("avtale.pdf", "application/pdf")
    assert document.file.name.startswith("private/collaborationdocument/")
    assert collaboration.events.get().data == {"name": "avtale.pdf"}


def test_one_bad_file_refuses_them_all(collaboration, body_member):
    uploads = [SimpleUploadedFile("a.pdf", PDF_BYTES), SimpleUploadedFile("b.pdf", b"MZ\x90\x00 not a pdf")]

    with pytest.raises(ValidationError):
        services.documents_add(collaboration=collaboration, actor=body_member, uploads=uploads)

    assert not CollaborationDocument.objects.exists()
    assert not CollaborationEvent.objects.exists()


def test_no_file_is_refused(collaboration, body_member):
    with pytest.raises(ValidationError):
        services.documents_add(collaboration=collaboration, actor=body_member, uploads=[])


def test_an_actor_in_both_parties_acts_for_the_public_body(collaboration, partner_member):
    MembershipFactory(user=partner_member, organisation=collaboration.public_body)

    services.collaboration_stage_set(collaboration=collaboration, stage="dialogue", actor=partner_member)

    assert collaboration.events.get().organisation == collaboration.public_body
