"""GET /api/v1/procurement/advice: the command's answer for machines, with the same names and values."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from .forms import BUYERS, MAX_VALUE_NOK
from .selectors import advice_document, value_position

router = Router(tags=["procurement"])


class AdviceQuery(Schema):
    buyer: Literal["municipality", "county", "state"]
    category: Literal["goods_services", "works", "health_social"]
    value: int = Field(..., ge=0, le=MAX_VALUE_NOK, description="Estimated value over the whole term, NOK excl. VAT")
    date: datetime.date = Field(..., description="The day of the purchase, YYYY-MM-DD")


class ThresholdOut(Schema):
    kind: str
    buyer: str
    category: str
    value: int
    status: str
    effective_from: str | None
    effective_to: str | None
    legal_basis: str
    verified: bool
    verified_on: str
    source_date: str
    note: str
    source: str


class ThresholdSourceOut(Schema):
    key: str
    title: str
    url: str


class AdviceOut(Schema):
    date: str
    buyer: str
    category: str
    value: int
    thresholds: list[ThresholdOut]
    above_lower_limit: bool | None
    above_national_threshold: bool | None
    above_eea_threshold: bool | None
    newest_check: str | None
    after_newest_check: bool
    proposals: list[ThresholdOut]
    sources: list[ThresholdSourceOut]


@router.get("/procurement/advice", response=AdviceOut, summary="Which procurement thresholds a purchase reaches")
def advice_api(request: HttpRequest, query: Query[AdviceQuery]) -> dict[str, Any]:
    """A flag is null when no verified row gives that threshold for the day; `after_newest_check` says the day
    is later than the last check of the stored values, and `proposals` are changes not in force."""
    position = value_position(value_nok=query.value, buyer=BUYERS[query.buyer], category=query.category, day=query.date)
    return advice_document(position, buyer=query.buyer, category=query.category)
