"""The SROI arithmetic of "A guide to Social Return on Investment" (Cabinet Office / SROI Network, 2012), with no
database: the record, the command and the API all call `calculate`.

Per outcome, the value in year 1 is quantity × financial proxy × (1 − deadweight) × (1 − displacement) ×
(1 − attribution); each later year is the previous year × (1 − drop-off); the present value is
Σ_{t=1..duration} value_t / (1 + r)^t. The ratio is the total present value over the investment."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

ADJUSTMENTS = ("deadweight", "displacement", "attribution", "drop_off")
# The guide's sensitivity test: each adjustment half and one and a half times as large, capped at 100 %.
SENSITIVITY_FACTORS = {"minus_50": 0.5, "plus_50": 1.5}
SENSITIVITY_RATES = (0.02, 0.06)


@dataclass(frozen=True)
class OutcomeInput:
    name: str
    quantity: float
    proxy_value_nok: float
    deadweight: float
    displacement: float
    attribution: float
    drop_off: float
    duration_years: int


@dataclass(frozen=True)
class SroiInput:
    investment_nok: float
    discount_rate: float
    outcomes: Sequence[OutcomeInput]
    name: str = ""


@dataclass(frozen=True)
class OutcomeResult:
    name: str
    yearly_values_nok: tuple[float, ...]
    present_value_nok: float


@dataclass(frozen=True)
class SroiResult:
    present_value_nok: float
    sroi_ratio: float
    net_present_value_nok: float
    per_outcome: tuple[OutcomeResult, ...]
    # {"deadweight": {"minus_50": ratio, "plus_50": ratio}, …, "discount_rate": {"0.02": ratio, "0.06": ratio}}
    sensitivity: dict[str, dict[str, float]]
    payback_months: float | None


def yearly_values(outcome: OutcomeInput) -> tuple[float, ...]:
    first = (
        outcome.quantity
        * outcome.proxy_value_nok
        * (1 - outcome.deadweight)
        * (1 - outcome.displacement)
        * (1 - outcome.attribution)
    )
    values = [first]
    for _year in range(1, outcome.duration_years):
        values.append(values[-1] * (1 - outcome.drop_off))
    return tuple(values)


def present_value(values: Sequence[float], *, rate: float) -> float:
    return sum(value / (1 + rate) ** year for year, value in enumerate(values, start=1))


def _totals(data: SroiInput) -> tuple[tuple[OutcomeResult, ...], float]:
    results = []
    for outcome in data.outcomes:
        values = yearly_values(outcome)
        results.append(OutcomeResult(outcome.name, values, present_value(values, rate=data.discount_rate)))
    return tuple(results), sum(result.present_value_nok for result in results)


def ratio(data: SroiInput) -> float:
    return _totals(data)[1] / data.investment_nok


def payback_months(data: SroiInput) -> float | None:
    """Months until the discounted value reaches the investment, spread evenly within each year; None when
    it never does within the outcomes' durations."""
    longest = max(outcome.duration_years for outcome in data.outcomes)
    per_year = [0.0] * longest
    for outcome in data.outcomes:
        for year, value in enumerate(yearly_values(outcome), start=1):
            per_year[year - 1] += value / (1 + data.discount_rate) ** year
    reached = 0.0
    for index, value in enumerate(per_year):
        if value > 0 and reached + value >= data.investment_nok:
            return 12 * (index + (data.investment_nok - reached) / value)
        reached += value
    return None


def sensitivity(data: SroiInput) -> dict[str, dict[str, float]]:
    table: dict[str, dict[str, float]] = {}
    for adjustment in ADJUSTMENTS:
        table[adjustment] = {
            label: ratio(
                replace(
                    data,
                    outcomes=[
                        replace(outcome, **{adjustment: min(1.0, getattr(outcome, adjustment) * factor)})
                        for outcome in data.outcomes
                    ],
                )
            )
            for label, factor in SENSITIVITY_FACTORS.items()
        }
    table["discount_rate"] = {f"{rate:.2f}": ratio(replace(data, discount_rate=rate)) for rate in SENSITIVITY_RATES}
    return table


def calculate(data: SroiInput) -> SroiResult:
    """Needs a positive investment, a rate in [0, 1) and at least one outcome; schemas.py checks that first."""
    per_outcome, total = _totals(data)
    return SroiResult(
        present_value_nok=total,
        sroi_ratio=total / data.investment_nok,
        net_present_value_nok=total - data.investment_nok,
        per_outcome=per_outcome,
        sensitivity=sensitivity(data),
        payback_months=payback_months(data),
    )
