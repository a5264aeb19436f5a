import datetime

import pytest

from samvei.core.freshness import Kind, is_possibly_outdated, rules

TODAY = datetime.date(2026, 12, 4)


def test_a_fact_never_checked_is_possibly_outdated():
    assert is_possibly_outdated(kind=Kind.CASE_EFFECT, checked_on=None, today=TODAY)


@pytest.mark.parametrize("kind", Kind.values)
def test_a_fact_checked_today_is_current_unless_it_is_about_a_past_year(kind):
    outdated = is_possibly_outdated(kind=kind, checked_on=TODAY, source_date=TODAY, today=TODAY)
    assert outdated is False


@pytest.mark.parametrize("kind", Kind.values)
def test_a_fact_checked_one_day_past_its_kinds_age_is_possibly_outdated(kind):
    age = rules()[kind].max_age_days
    assert not is_possibly_outdated(
        kind=kind, checked_on=TODAY - datetime.timedelta(days=age), source_date=TODAY, today=TODAY
    )
    assert is_possibly_outdated(
        kind=kind, checked_on=TODAY - datetime.timedelta(days=age + 1), source_date=TODAY, today=TODAY
    )


def test_a_deadline_from_a_year_that_is_over_is_possibly_outdated_though_checked_today():
    last_year = datetime.date(2025, 12, 31)
    assert is_possibly_outdated(kind=Kind.FUNDING_YEARLY, checked_on=TODAY, source_date=last_year, today=TODAY)


def test_a_deadline_whose_source_gives_no_date_is_possibly_outdated():
    assert is_possibly_outdated(kind=Kind.FUNDING_YEARLY, checked_on=TODAY, source_date=None, today=TODAY)


def test_a_criterion_from_an_earlier_year_is_current_while_its_check_is_recent():
    assert not is_possibly_outdated(
        kind=Kind.FUNDING_FACT, checked_on=TODAY, source_date=datetime.date(2023, 5, 1), today=TODAY
    )


def test_contact_points_follow_the_setting(settings):
    settings.CONTACT_POINT_STALE_AFTER_DAYS = 30
    assert is_possibly_outdated(kind=Kind.CONTACT_POINT, checked_on=TODAY - datetime.timedelta(days=31), today=TODAY)
