"""The logic model as read: every level in order, grouped entries, a fixed number of queries."""

from samvei.impact.models import LogicModelEntry
from samvei.impact.selectors.logic import logic_entry_get, logic_model_for, stakeholder_get

from .factories import LogicModelEntryFactory, StakeholderFactory


def test_logic_model_lists_all_five_levels_in_order(collaboration):
    model = logic_model_for(collaboration=collaboration)
    assert [level.level for level in model.levels] == ["resource", "activity", "output", "outcome", "impact"]


def test_logic_model_groups_entries_by_level(collaboration):
    activity = LogicModelEntryFactory(collaboration=collaboration, level=LogicModelEntry.Level.ACTIVITY)
    impact = LogicModelEntryFactory(collaboration=collaboration, level=LogicModelEntry.Level.IMPACT)
    levels = {level.level: level.entries for level in logic_model_for(collaboration=collaboration).levels}
    assert (levels["activity"], levels["impact"], levels["output"]) == ((activity,), (impact,), ())


def test_logic_model_leaves_out_other_collaborations(collaboration, other_collaboration):
    StakeholderFactory(collaboration=other_collaboration)
    LogicModelEntryFactory(collaboration=other_collaboration)
    assert logic_model_for(collaboration=collaboration).is_empty


def test_logic_model_query_count_is_fixed(collaboration, django_assert_num_queries):
    for _ in range(3):
        stakeholder = StakeholderFactory(collaboration=collaboration)
        LogicModelEntryFactory(collaboration=collaboration, stakeholder=stakeholder)
        LogicModelEntryFactory(collaboration=collaboration, level=LogicModelEntry.Level.RESOURCE)
    with django_assert_num_queries(2):
        model = logic_model_for(collaboration=collaboration)
        names = [entry.stakeholder.name for level in model.levels for entry in level.entries if entry.stakeholder]
    assert len(names) == 3


def test_stakeholder_get_refuses_other_collaboration(collaboration, other_collaboration):
    foreign = StakeholderFactory(collaboration=other_collaboration)
    assert stakeholder_get(collaboration=collaboration, pk=foreign.pk) is None


def test_logic_entry_get_refuses_other_collaboration(collaboration, other_collaboration):
    foreign = LogicModelEntryFactory(collaboration=other_collaboration)
    assert logic_entry_get(collaboration=collaboration, pk=foreign.pk) is None
