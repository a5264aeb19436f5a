"""Properties the SROI arithmetic must keep for any sane figures: more of what would have happened anyway,
what was pushed aside, what others did or what fades can never raise the ratio, nor can a higher discount
rate; more people, a higher proxy or a longer duration can never lower it."""

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samvei.impact.sroi import ADJUSTMENTS, OutcomeInput, SroiInput, calculate, ratio

SETTINGS = settings(max_examples=100, deadline=None)

shares = st.floats(min_value=0, max_value=1)
amounts = st.floats(min_value=0, max_value=1e9)
outcomes = st.builds(
    OutcomeInput,
    name=st.just("outcome"),
    quantity=amounts,
    proxy_value_nok=amounts,
    deadweight=shares,
    displacement=shares,
    attribution=shares,
    drop_off=shares,
    duration_years=st.integers(min_value=1, max_value=50),
)
inputs = st.builds(
    SroiInput,
    investment_nok=st.floats(min_value=1, max_value=1e12),
    discount_rate=st.floats(min_value=0, max_value=0.99),
    outcomes=st.lists(outcomes, min_size=1, max_size=5),
)


def _at_most(first: float, second: float) -> bool:
    """first ≤ second, allowing for the last bit of floating-point rounding."""
    return first <= second or first == pytest.approx(second, rel=1e-12)


def _with(data: SroiInput, **changes: object) -> SroiInput:
    first = replace(data.outcomes[0], **changes)  # type: ignore[arg-type]
    return replace(data, outcomes=[first, *data.outcomes[1:]])


@SETTINGS
@given(data=inputs, adjustment=st.sampled_from(ADJUSTMENTS), low=shares, high=shares)
def test_a_larger_adjustment_never_raises_the_ratio(data, adjustment, low, high):
    low, high = sorted((low, high))

    assert _at_most(ratio(_with(data, **{adjustment: high})), ratio(_with(data, **{adjustment: low})))


@SETTINGS
@given(data=inputs, low=st.floats(min_value=0, max_value=0.99), high=st.floats(min_value=0, max_value=0.99))
def test_a_higher_discount_rate_never_raises_the_ratio(data, low, high):
    low, high = sorted((low, high))

    assert _at_most(ratio(replace(data, discount_rate=high)), ratio(replace(data, discount_rate=low)))


@SETTINGS
@given(data=inputs, field=st.sampled_from(["quantity", "proxy_value_nok"]), low=amounts, high=amounts)
def test_more_quantity_or_a_higher_proxy_never_lowers_the_ratio(data, field, low, high):
    low, high = sorted((low, high))

    assert _at_most(ratio(_with(data, **{field: low})), ratio(_with(data, **{field: high})))


@SETTINGS
@given(data=inputs, low=st.integers(min_value=1, max_value=50), high=st.integers(min_value=1, max_value=50))
def test_a_longer_duration_never_lowers_the_ratio(data, low, high):
    low, high = sorted((low, high))

    assert _at_most(ratio(_with(data, duration_years=low)), ratio(_with(data, duration_years=high)))


@SETTINGS
@given(data=inputs)
def test_the_present_value_is_never_negative(data):
    assert calculate(data).present_value_nok >= 0


@SETTINGS
@given(data=inputs)
def test_the_ratio_times_the_investment_is_the_present_value(data):
    result = calculate(data)

    assert result.sroi_ratio * data.investment_nok == pytest.approx(result.present_value_nok, rel=1e-12, abs=1e-9)
