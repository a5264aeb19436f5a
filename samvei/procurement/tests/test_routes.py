"""Which parts of the regulation, rules and routes an answer gives, read from the shipped rows."""

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samvei.procurement.advice import advice_for
from samvei.procurement.models import Route, Rule, Threshold

pytestmark = pytest.mark.django_db


def _keys(items) -> set[str]:
    return {item.key for item in items}


def _advice(**question):
    defaults = {"buyer": "municipality", "category": "goods_services", "value_nok": 500_000, "day": date(2025, 6, 1)}
    return advice_for(**(defaults | question))


def test_below_the_lower_limit_a_direct_purchase_is_open_and_part_i_does_not_apply():
    advice = _advice(value_nok=50_000)

    assert "below-lower-limit" in _keys(advice.regulation_parts)
    assert "part-i" not in _keys(advice.regulation_parts)
    assert "direct-purchase" in _keys(advice.routes)


def test_between_the_lower_limit_and_the_national_threshold_only_part_i_applies():
    advice = _advice(value_nok=500_000)

    assert _keys(advice.regulation_parts) == {"part-i"}
    assert "part-i-competition" in _keys(advice.routes)
    assert "direct-purchase" not in _keys(advice.routes)


def test_in_part_ii_the_buyer_may_choose_negotiation_freely():
    advice = _advice(value_nok=1_500_000)

    assert {"part-i", "part-ii"} == _keys(advice.regulation_parts)
    assert "part-ii-free-procedure" in _keys(advice.rules)
    assert "part-ii-competition" in _keys(advice.routes)
    assert "part-iii-negotiation" not in _keys(advice.rules)


def test_above_the_eea_threshold_negotiation_needs_the_conditions_of_13_2():
    advice = _advice(value_nok=3_000_000)

    assert "part-iii" in _keys(advice.regulation_parts)
    assert "part-iii-negotiation" in _keys(advice.rules)
    assert "part-ii-competition" not in _keys(advice.routes)


def test_health_and_social_services_follow_only_part_i_up_to_their_eea_threshold():
    advice = _advice(category="health_social", value_nok=5_000_000)

    assert _keys(advice.regulation_parts) == {"part-i", "health-social-below-eea"}
    assert {"health-social-part-i", "ideell-only-contact", "operating-agreement"} <= _keys(advice.routes)
    assert "chapter-30-competition" not in _keys(advice.routes)


def test_above_their_eea_threshold_health_and_social_services_follow_chapter_30():
    advice = _advice(category="health_social", value_nok=9_000_000)

    assert "chapter-30" in _keys(advice.regulation_parts)
    assert "chapter-30-competition" in _keys(advice.routes)


def test_a_reservation_for_ideelle_is_open_to_ideelle_suppliers_only():
    question = {"category": "health_social", "value_nok": 9_000_000, "day": date(2026, 12, 1)}

    assert "reserved-ideell-competition" in _keys(_advice(**question, supplier="ideell").routes)
    assert "reserved-ideell-competition" not in _keys(_advice(**question, supplier="other").routes)


def test_a_work_integration_reservation_is_open_from_the_lower_limit_to_such_enterprises():
    advice = _advice(value_nok=200_000, supplier="work_integration")

    assert "reserved-work-integration-competition" in _keys(advice.routes)
    assert "ideell-only-contact" not in _keys(advice.routes)


def test_research_and_development_routes_open_only_when_no_solution_exists_yet():
    assert "rnd-pre-commercial" not in _keys(_advice().routes)
    assert "rnd-pre-commercial" in _keys(_advice(innovation=True).routes)


def test_the_climate_rule_of_2024_replaces_the_rule_of_2017_on_1_january_2024():
    before = _keys(_advice(day=date(2023, 12, 31)).rules)
    after = _keys(_advice(day=date(2024, 1, 1)).rules)

    assert "climate-environment-2017" in before
    assert "climate-environment" not in before
    assert "climate-environment" in after
    assert "climate-environment-2017" not in after


def test_the_climate_rule_does_not_apply_below_the_lower_limit():
    assert "climate-environment" not in _keys(_advice(value_nok=99_999, day=date(2025, 1, 1)).rules)


def test_the_splitting_ban_and_market_dialogue_apply_to_every_purchase():
    for value in (0, 500_000, 10_000_000):
        assert {"splitting-ban", "market-dialogue"} <= _keys(_advice(value_nok=value).rules)


def test_a_grant_is_always_a_route_and_cites_the_state_aid_ban():
    grant = next(route for route in _advice(buyer="county").routes if route.key == "grant")

    assert "state-aid" in _keys(grant.rules.all())


def test_a_route_that_turns_on_a_threshold_no_row_gives_is_not_known_rather_than_guessed():
    advice = _advice(buyer="state", value_nok=1_500_000, day=date(2017, 6, 1))  # no state EEA row for 2017

    assert {"part-ii", "part-iii", "part-ii-competition", "part-iii-competition"} <= _keys(advice.not_known)
    assert not {"part-ii-competition", "part-iii-competition"} & _keys(advice.routes)
    assert "part-i-competition" not in _keys(advice.routes)  # the national threshold is known and reached


def test_before_2017_no_rule_or_route_is_stored():
    advice = _advice(day=date(2016, 6, 1))

    assert advice.position.used == []
    assert advice.routes == []
    assert advice.regulation_parts == []


def test_a_staff_edit_of_a_route_shows_in_the_next_answer():
    Route.objects.filter(key="grant").update(name_nb="Tilskudd (rettet)")

    assert "Tilskudd (rettet)" in [route.name for route in _advice().routes]


def test_every_shipped_route_cites_rules_and_every_rule_a_source_with_an_address():
    for route in Route.objects.prefetch_related("rules__source"):
        assert route.rules.exists(), route.key
        assert all(rule.source.url.startswith("https://") for rule in route.rules.all()), route.key
    assert Rule.objects.filter(citation="").count() == 0


def test_a_rule_with_an_unconfirmed_paragraph_number_says_so():
    assert Rule.objects.get(key="innovation-partnership").citation_verified is False


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    buyer=st.sampled_from(["municipality", "county", "state"]),
    category=st.sampled_from(["goods_services", "works", "health_social"]),
    day=st.dates(min_value=date(2017, 1, 1), max_value=date(2026, 12, 31)),
    value=st.integers(min_value=0, max_value=200_000_000),
)
def test_the_routes_change_only_on_a_date_a_stored_row_changes(buyer, category, day, value):
    change_days = {
        changed
        for model in (Threshold, Rule, Route)
        for field in ("effective_from", "effective_to")
        for changed in model.objects.values_list(field, flat=True)
    }
    question = {"buyer": buyer, "category": category, "value_nok": value}
    before = advice_for(**question, day=day)
    after = advice_for(**question, day=day + timedelta(days=1))

    if _keys(before.routes) != _keys(after.routes) or _keys(before.rules) != _keys(after.rules):
        assert day + timedelta(days=1) in change_days


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    category=st.sampled_from(["goods_services", "works", "health_social"]),
    day=st.dates(min_value=date(2018, 1, 1), max_value=date(2026, 12, 31)),
    value=st.integers(min_value=0, max_value=200_000_000),
)
def test_exactly_one_of_below_the_lower_limit_and_part_i_applies(category, day, value):
    parts = _keys(advice_for(buyer="municipality", category=category, value_nok=value, day=day).regulation_parts)

    assert len(parts & {"below-lower-limit", "part-i"}) == 1
