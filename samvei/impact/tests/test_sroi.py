"""The SROI arithmetic against examples worked by hand, following "A guide to Social Return on Investment"
(Cabinet Office, 2012). Each test writes its arithmetic out, so a reader can check it without the code."""

from dataclasses import replace

import pytest

from samvei.impact.sroi import (
    ADJUSTMENTS,
    OutcomeInput,
    SroiInput,
    calculate,
    payback_months,
    present_value,
    ratio,
    sensitivity,
    yearly_values,
)


def _outcome(**overrides: object) -> OutcomeInput:
    values: dict[str, object] = {
        "name": "Jobb",
        "quantity": 10,
        "proxy_value_nok": 1000,
        "deadweight": 0.2,
        "displacement": 0.1,
        "attribution": 0.25,
        "drop_off": 0.5,
        "duration_years": 1,
    }
    return OutcomeInput(**{**values, **overrides})  # type: ignore[arg-type]


# One outcome over one year at 5 %:
# year 1 = 10 × 1000 × (1 − 0.2) × (1 − 0.1) × (1 − 0.25) = 10 000 × 0.8 × 0.9 × 0.75 = 5400
# PV = 5400 / 1.05 = 5142.857…; ratio = 5142.857 / 4000 = 1.2857…; NPV = 1142.857…
ONE_YEAR = SroiInput(investment_nok=4000, discount_rate=0.05, outcomes=[_outcome()])

# Two outcomes over three years at 10 %:
# A: 100 × 50 = 5000, then × 0.5 each year: 5000, 2500, 1250
# B: 2 × 1000 × (1 − 0.5) = 1000, then × 0.9 each year: 1000, 900, 810
TWO_OUTCOMES = SroiInput(
    investment_nok=5000,
    discount_rate=0.1,
    outcomes=[
        _outcome(name="A", quantity=100, proxy_value_nok=50, deadweight=0, displacement=0, attribution=0,
                 drop_off=0.5, duration_years=3),
        _outcome(name="B", quantity=2, proxy_value_nok=1000, deadweight=0.5, displacement=0, attribution=0,
                 drop_off=0.1, duration_years=3),
    ],
)  # fmt: skip
PV_A = 5000 / 1.1 + 2500 / 1.1**2 + 1250 / 1.1**3  # 4545.45 + 2066.12 + 939.14 = 7550.71
PV_B = 1000 / 1.1 + 900 / 1.1**2 + 810 / 1.1**3  # 909.09 + 743.80 + 608.57 = 2261.46


def test_one_outcome_over_one_year_is_the_adjusted_value_discounted_once():
    result = calculate(ONE_YEAR)

    assert result.per_outcome[0].yearly_values_nok == pytest.approx((5400,))
    assert result.present_value_nok == pytest.approx(5400 / 1.05)
    assert result.sroi_ratio == pytest.approx(5400 / 1.05 / 4000)
    assert result.net_present_value_nok == pytest.approx(5400 / 1.05 - 4000)


def test_two_outcomes_over_three_years_drop_off_each_year_and_add_up():
    result = calculate(TWO_OUTCOMES)

    assert [outcome.yearly_values_nok for outcome in result.per_outcome] == [
        pytest.approx((5000, 2500, 1250)),
        pytest.approx((1000, 900, 810)),
    ]
    assert [outcome.present_value_nok for outcome in result.per_outcome] == pytest.approx([PV_A, PV_B])
    assert result.present_value_nok == pytest.approx(PV_A + PV_B)  # 9812.17
    assert result.sroi_ratio == pytest.approx((PV_A + PV_B) / 5000)  # 1.9624


def test_a_zero_discount_rate_makes_the_present_value_the_plain_sum():
    # 5000 + 2500 + 1250 + 1000 + 900 + 810 = 11 460
    result = calculate(replace(TWO_OUTCOMES, discount_rate=0))

    assert result.present_value_nok == pytest.approx(11460)


def test_a_full_drop_off_leaves_only_the_first_year():
    # 1 × 100 = 100 in year 1, then × (1 − 1) = 0; PV = 100 / 1.05
    outcome = _outcome(quantity=1, proxy_value_nok=100, deadweight=0, displacement=0, attribution=0, drop_off=1,
                       duration_years=5)  # fmt: skip

    assert yearly_values(outcome) == (100, 0, 0, 0, 0)
    assert present_value(yearly_values(outcome), rate=0.05) == pytest.approx(100 / 1.05)


def test_a_one_year_duration_ignores_the_drop_off():
    assert yearly_values(_outcome(drop_off=0.9, duration_years=1)) == pytest.approx((5400,))


def test_a_deadweight_of_one_leaves_no_value():
    # everything would have happened anyway: 10 × 1000 × (1 − 1) × … = 0
    result = calculate(replace(ONE_YEAR, outcomes=[_outcome(deadweight=1, duration_years=3)]))

    assert result.present_value_nok == 0
    assert result.sroi_ratio == 0
    assert result.payback_months is None


def test_payback_within_the_first_year_is_spread_evenly_over_the_year():
    # 4000 of 5142.857 discounted in year 1: 12 × 4000 / 5142.857 = 12 × 7/9 = 9.33 months
    assert payback_months(ONE_YEAR) == pytest.approx(12 * 7 / 9)


def test_payback_reached_in_the_middle_of_the_second_year():
    # discounted year 1 = 6000 / 1.1 = 5454.55; year 2 = 3400 / 1.21 = 2809.92
    # 8000 − 5454.55 = 2545.45 remain, 2545.45 / 2809.92 = 0.906 of year 2: 12 × 1.906 = 22.87 months
    expected = 12 * (1 + (8000 - 6000 / 1.1) / (3400 / 1.1**2))

    assert payback_months(replace(TWO_OUTCOMES, investment_nok=8000)) == pytest.approx(expected)
    assert expected == pytest.approx(22.87, abs=0.01)


def test_payback_never_reached_within_the_durations_is_none():
    # all three years together are worth 9812.17, less than 20 000
    assert payback_months(replace(TWO_OUTCOMES, investment_nok=20000)) is None


def test_sensitivity_halves_and_raises_each_adjustment_by_half_for_a_worked_case():
    # 10 000 × (1 − dw) × (1 − disp) × (1 − attr) / 1.05 / 4000, with one adjustment changed at a time:
    # deadweight 0.1: 10 000 × 0.9 × 0.9 × 0.75 = 6075;   0.3: 10 000 × 0.7 × 0.9 × 0.75 = 4725
    # displacement 0.05: 10 000 × 0.8 × 0.95 × 0.75 = 5700;   0.15: 10 000 × 0.8 × 0.85 × 0.75 = 5100
    # attribution 0.125: 10 000 × 0.8 × 0.9 × 0.875 = 6300;   0.375: 10 000 × 0.8 × 0.9 × 0.625 = 4500
    # drop-off has no effect over one year: 5400 both ways
    # discount rate: 5400 / 1.02 / 4000 and 5400 / 1.06 / 4000
    def at(value: float) -> float:
        return value / 1.05 / 4000

    table = sensitivity(ONE_YEAR)

    assert table["deadweight"] == pytest.approx({"minus_50": at(6075), "plus_50": at(4725)})
    assert table["displacement"] == pytest.approx({"minus_50": at(5700), "plus_50": at(5100)})
    assert table["attribution"] == pytest.approx({"minus_50": at(6300), "plus_50": at(4500)})
    assert table["drop_off"] == pytest.approx({"minus_50": at(5400), "plus_50": at(5400)})
    assert table["discount_rate"] == pytest.approx({"0.02": 5400 / 1.02 / 4000, "0.06": 5400 / 1.06 / 4000})


def test_sensitivity_caps_an_adjustment_at_one():
    # attribution 0.8 × 1.5 = 1.2, capped at 1: nothing is left for this collaboration
    data = replace(ONE_YEAR, outcomes=[_outcome(attribution=0.8)])

    assert sensitivity(data)["attribution"]["plus_50"] == 0


def test_sensitivity_covers_every_adjustment_and_the_rate():
    assert set(sensitivity(ONE_YEAR)) == {*ADJUSTMENTS, "discount_rate"}


def test_the_ratio_is_the_present_value_per_krone_invested():
    assert ratio(TWO_OUTCOMES) == pytest.approx(calculate(TWO_OUTCOMES).present_value_nok / 5000)
