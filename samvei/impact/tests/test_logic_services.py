"""The logic model services: what they store, what they refuse, and the timeline rows they write."""

import pytest
from django.core.exceptions import ValidationError

from samvei.collaborations.models import CollaborationEvent
from samvei.impact.models import LogicModelEntry, Stakeholder
from samvei.impact.services import logic as services

from .factories import LogicModelEntryFactory, StakeholderFactory


def test_stakeholder_add_stores_name_and_involvement(collaboration, body_member):
    stakeholder = services.stakeholder_add(
        collaboration=collaboration, actor=body_member, name=" Beboere ", involvement="Intervju"
    )
    assert (stakeholder.name, stakeholder.involvement, stakeholder.collaboration) == (
        "Beboere",
        "Intervju",
        collaboration,
    )


def test_stakeholder_add_writes_timeline_row_with_name(collaboration, partner_member):
    services.stakeholder_add(collaboration=collaboration, actor=partner_member, name="Pårørende", involvement="")
    event = CollaborationEvent.objects.get(collaboration=collaboration, kind="stakeholder_added")
    assert event.data["name"] == "Pårørende"


def test_stakeholder_add_refuses_empty_name(collaboration, body_member):
    with pytest.raises(ValidationError):
        services.stakeholder_add(collaboration=collaboration, actor=body_member, name="  ", involvement="")
    assert not Stakeholder.objects.exists()


def test_stakeholders_are_placed_after_the_last(collaboration, body_member):
    first = services.stakeholder_add(collaboration=collaboration, actor=body_member, name="A", involvement="")
    second = services.stakeholder_add(collaboration=collaboration, actor=body_member, name="B", involvement="")
    assert second.position == first.position + 1


def test_stakeholder_remove_deletes_and_records(collaboration, body_member):
    stakeholder = StakeholderFactory(collaboration=collaboration, name="Ansatte")
    services.stakeholder_remove(stakeholder=stakeholder, actor=body_member)
    assert not Stakeholder.objects.exists()
    assert CollaborationEvent.objects.get(kind="stakeholder_removed").data["name"] == "Ansatte"


def test_stakeholder_remove_keeps_entry_that_named_it(collaboration, body_member):
    stakeholder = StakeholderFactory(collaboration=collaboration)
    entry = LogicModelEntryFactory(collaboration=collaboration, stakeholder=stakeholder)
    services.stakeholder_remove(stakeholder=stakeholder, actor=body_member)
    entry.refresh_from_db()
    assert entry.stakeholder is None


def test_logic_entry_add_stores_level_text_and_stakeholder(collaboration, body_member):
    stakeholder = StakeholderFactory(collaboration=collaboration)
    entry = services.logic_entry_add(
        collaboration=collaboration,
        actor=body_member,
        level=LogicModelEntry.Level.ACTIVITY,
        text="Ukentlige besøk",
        stakeholder=stakeholder,
    )
    assert (entry.level, entry.text, entry.stakeholder) == ("activity", "Ukentlige besøk", stakeholder)


def test_logic_entry_add_writes_timeline_row_with_text(collaboration, body_member):
    services.logic_entry_add(collaboration=collaboration, actor=body_member, level="resource", text="To ansatte")
    assert CollaborationEvent.objects.get(kind="logic_entry_added").data["name"] == "To ansatte"


def test_logic_entry_add_refuses_stakeholder_of_other_collaboration(collaboration, other_collaboration, body_member):
    foreign = StakeholderFactory(collaboration=other_collaboration)
    with pytest.raises(ValidationError) as refusal:
        services.logic_entry_add(
            collaboration=collaboration, actor=body_member, level="outcome", text="Mindre ensomhet", stakeholder=foreign
        )
    assert "stakeholder" in refusal.value.error_dict
    assert not LogicModelEntry.objects.exists()


def test_logic_entry_add_refuses_unknown_level(collaboration, body_member):
    with pytest.raises(ValidationError):
        services.logic_entry_add(collaboration=collaboration, actor=body_member, level="wish", text="Noe")
    assert not LogicModelEntry.objects.exists()


def test_logic_entry_add_refuses_text_over_limit(collaboration, body_member):
    with pytest.raises(ValidationError):
        services.logic_entry_add(collaboration=collaboration, actor=body_member, level="output", text="x" * 2001)
    assert not LogicModelEntry.objects.exists()


def test_logic_entry_remove_deletes_and_records(collaboration, body_member):
    entry = LogicModelEntryFactory(collaboration=collaboration, text="Færre fall")
    services.logic_entry_remove(entry=entry, actor=body_member)
    assert not LogicModelEntry.objects.exists()
    assert CollaborationEvent.objects.get(kind="logic_entry_removed").data["name"] == "Færre fall"
