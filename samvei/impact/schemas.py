"""The SROI calculation's input and output for machines, shared by `POST /api/v1/impact/sroi` and
`manage.py sroi`, so that both refuse the same input and answer the same JSON.

Input is strict, to name a mistake rather than guess: numbers must be JSON numbers (not strings or booleans),
finite (no NaN or Infinity) and at most 1e15; a duration is a JSON integer (3.0 and 2.5 are both refused); an
unknown field such as "dead_weight" is refused by name. The bounds (at most 100 outcomes of at most 50 years)
keep one calculation, with its sensitivity table, to a few thousand multiplications.

Output: money in NOK rounded to 2 decimals (øre), ratios to 4 decimals, payback to 1 decimal of a month."""

from __future__ import annotations

from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import ConfigDict, StringConstraints
from pydantic_core import ErrorDetails

from samvei.core.api_errors import validation_error_detail

from . import sroi

MAX_NUMBER = 1e15
MAX_OUTCOMES = 100
MAX_DURATION_YEARS = 50
MAX_NAME_LENGTH = 200
MONEY_DECIMALS = 2
RATIO_DECIMALS = 4
MONTH_DECIMALS = 1

Name = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, max_length=MAX_NAME_LENGTH)]
OutcomeName = Annotated[
    str, StringConstraints(strict=True, strip_whitespace=True, min_length=1, max_length=MAX_NAME_LENGTH)
]


def _number(description: str, *, ge: float | None = None, le: float | None = None, lt: float | None = None) -> Any:
    return Field(..., strict=True, allow_inf_nan=False, description=description, ge=ge, le=le, lt=lt)


def _share(description: str) -> Any:
    return _number(f"{description}; a share from 0 to 1 (0.25 is 25 %)", ge=0, le=1)


class SroiOutcomeIn(Schema):
    model_config = ConfigDict(extra="forbid")

    name: OutcomeName = Field(..., description=f"What changed; 1 to {MAX_NAME_LENGTH} characters")
    quantity: float = _number(f"How many had the outcome; from 0 to {MAX_NUMBER:.0e}", ge=0, le=MAX_NUMBER)
    proxy_value_nok: float = _number(
        f"The financial proxy: NOK per unit of the outcome; from 0 to {MAX_NUMBER:.0e}", ge=0, le=MAX_NUMBER
    )
    deadweight: float = _share("What would have happened anyway")
    displacement: float = _share("What the outcome pushed aside elsewhere")
    attribution: float = _share("What others than this collaboration did")
    drop_off: float = _share("How much the outcome fades each year after the first")
    duration_years: int = Field(
        ...,
        strict=True,
        ge=1,
        le=MAX_DURATION_YEARS,
        description=f"How many years the outcome lasts; a JSON integer from 1 to {MAX_DURATION_YEARS} (3.0 is refused)",
    )


class SroiRequest(Schema):
    model_config = ConfigDict(extra="forbid")

    name: Name = Field("", description=f"A name for the calculation; at most {MAX_NAME_LENGTH} characters")
    investment_nok: float = _number(
        f"What was put in, NOK; from 1 (as a stored analysis) to {MAX_NUMBER:.0e}", ge=1, le=MAX_NUMBER
    )
    discount_rate: float = _number("The yearly discount rate; at least 0 and below 1 (0.04 is 4 %)", ge=0, lt=1)
    outcomes: list[SroiOutcomeIn] = Field(
        ..., min_length=1, max_length=MAX_OUTCOMES, description=f"1 to {MAX_OUTCOMES} outcomes"
    )


class SroiOutcomeOut(Schema):
    name: str
    yearly_values_nok: list[float] = Field(..., description="The value in each year, not discounted")
    present_value_nok: float


class SroiAdjustmentSensitivityOut(Schema):
    minus_50: float = Field(..., description="The ratio with this adjustment half as large")
    plus_50: float = Field(..., description="The ratio with this adjustment one and a half times as large, at most 1")


class SroiRateSensitivityOut(Schema):
    model_config = ConfigDict(populate_by_name=True)

    rate_2: float = Field(..., alias="0.02", description="The ratio at a discount rate of 2 %")
    rate_6: float = Field(..., alias="0.06", description="The ratio at a discount rate of 6 %")


class SroiSensitivityOut(Schema):
    deadweight: SroiAdjustmentSensitivityOut
    displacement: SroiAdjustmentSensitivityOut
    attribution: SroiAdjustmentSensitivityOut
    drop_off: SroiAdjustmentSensitivityOut
    discount_rate: SroiRateSensitivityOut


class SroiResultOut(Schema):
    name: str
    present_value_nok: float = Field(..., description="All outcomes' discounted value, NOK")
    sroi_ratio: float = Field(..., description="Present value per krone invested")
    net_present_value_nok: float = Field(..., description="Present value less the investment, NOK")
    payback_months: float | None = Field(..., description="Months until the investment is paid back; null if never")
    per_outcome: list[SroiOutcomeOut]
    sensitivity: SroiSensitivityOut


def sroi_input(*, request: SroiRequest) -> sroi.SroiInput:
    return sroi.SroiInput(
        name=request.name,
        investment_nok=request.investment_nok,
        discount_rate=request.discount_rate,
        outcomes=[sroi.OutcomeInput(**outcome.model_dump()) for outcome in request.outcomes],
    )


def sroi_document(*, request: SroiRequest) -> dict[str, Any]:
    """The one place input becomes a calculation and the result becomes JSON, so the command's `--json` and the
    API answer the same document."""
    result = sroi.calculate(sroi_input(request=request))
    return {
        "name": request.name,
        "present_value_nok": round(result.present_value_nok, MONEY_DECIMALS),
        "sroi_ratio": round(result.sroi_ratio, RATIO_DECIMALS),
        "net_present_value_nok": round(result.net_present_value_nok, MONEY_DECIMALS),
        "payback_months": None if result.payback_months is None else round(result.payback_months, MONTH_DECIMALS),
        "per_outcome": [
            {
                "name": outcome.name,
                "yearly_values_nok": [round(value, MONEY_DECIMALS) for value in outcome.yearly_values_nok],
                "present_value_nok": round(outcome.present_value_nok, MONEY_DECIMALS),
            }
            for outcome in result.per_outcome
        ],
        "sensitivity": {
            name: {label: round(value, RATIO_DECIMALS) for label, value in ratios.items()}
            for name, ratios in result.sensitivity.items()
        },
    }


def _message(error: ErrorDetails) -> str:
    kind = error["type"]
    context = error.get("ctx") or {}
    if kind == "extra_forbidden":
        return _("Is not a field of this calculation.")
    if kind == "greater_than":
        return _("Must be more than %(limit)s.") % {"limit": context.get("gt")}
    if kind == "less_than":
        return _("Must be less than %(limit)s.") % {"limit": context.get("lt")}
    if kind in {"float_type", "finite_number"}:
        return _("Must be a number.")
    if kind == "int_type":
        return _("Must be a whole number.")
    if kind in {"too_short", "string_too_short"}:
        return _("Must not be empty.")
    if kind in {"model_type", "model_attributes_type", "dict_type"}:
        return _("Must be a JSON object.")
    if kind == "list_type":
        return _("Must be a list.")
    if kind == "string_type":
        return _("Must be text.")
    return str(validation_error_detail([dict(error)])[0]["msg"])


def error_lines(*, errors: list[ErrorDetails]) -> list[str]:
    """One line per mistake, naming the field as a dotted path such as `outcomes.0.deadweight`."""
    return [
        f"{'.'.join(str(part) for part in error['loc']) or _('(the whole document)')}: {_message(error)}"
        for error in errors
    ]
