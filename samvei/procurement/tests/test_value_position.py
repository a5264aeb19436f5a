"""Where a value stands against the thresholds of its day: equal reaches, the flags only ever rise with the value,
and they change only on the dates a threshold changes."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samvei.procurement.models import Threshold
from samvei.procurement.selectors import value_position

pytestmark = pytest.mark.django_db

BUYERS = ["state", "sub_central"]
CATEGORIES = ["goods_services", "works", "health_social"]
DAYS = st.dates(min_value=date(2017, 1, 1), max_value=date(2026, 11, 25))
VALUES = st.integers(min_value=0, max_value=200_000_000)
FLAGS = ("above_lower_limit", "above_national_threshold", "above_eea_threshold")


def _flags(position):
    return tuple(getattr(position, flag) for flag in FLAGS)


def test_a_value_equal_to_a_threshold_reaches_it():
    position = value_position(value_nok=2_300_000, buyer="sub_central", category="goods_services", day=date(2025, 1, 1))

    assert position.above_eea_threshold is True
    assert (
        value_position(
            value_nok=2_299_999, buyer="sub_central", category="goods_services", day=date(2025, 1, 1)
        ).above_eea_threshold
        is False
    )


def test_an_unknown_threshold_gives_no_answer_rather_than_a_guess():
    position = value_position(value_nok=5_000_000, buyer="state", category="goods_services", day=date(2017, 6, 1))

    assert position.eea is None
    assert position.above_eea_threshold is None
    assert position.above_national_threshold is True


def test_a_day_after_the_newest_check_is_said_to_be_so():
    assert value_position(value_nok=1, buyer="state", category="works", day=date(2027, 1, 1)).after_newest_check
    assert not value_position(value_nok=1, buyer="state", category="works", day=date(2026, 1, 1)).after_newest_check


def test_proposals_are_shown_beside_the_answer_but_not_used():
    position = value_position(value_nok=200_000, buyer="sub_central", category="goods_services", day=date(2026, 12, 3))

    assert [proposal.value_nok for proposal in position.proposals] == [300_000]
    assert position.above_lower_limit is True


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(buyer=st.sampled_from(BUYERS), category=st.sampled_from(CATEGORIES), day=DAYS, low=VALUES, high=VALUES)
def test_the_flags_only_rise_with_the_value(buyer, category, day, low, high):
    low, high = sorted((low, high))
    lower = _flags(value_position(value_nok=low, buyer=buyer, category=category, day=day))
    higher = _flags(value_position(value_nok=high, buyer=buyer, category=category, day=day))

    for before, after in zip(lower, higher, strict=True):
        assert before is None or after is None or before <= after


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(buyer=st.sampled_from(BUYERS), category=st.sampled_from(CATEGORIES), day=DAYS, value=VALUES)
def test_the_flags_change_only_on_a_date_a_threshold_changes(buyer, category, day, value):
    change_days = set(Threshold.objects.values_list("effective_from", flat=True)) | set(
        Threshold.objects.values_list("effective_to", flat=True)
    )
    before = value_position(value_nok=value, buyer=buyer, category=category, day=day)
    after = value_position(value_nok=value, buyer=buyer, category=category, day=day + timedelta(days=1))

    if _flags(before) != _flags(after):
        assert day + timedelta(days=1) in change_days
