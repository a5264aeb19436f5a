"""GET /api/v1/procurement/advice: the command's answer for machines, with the same names and values."""

from __future__ import annotations

import datetime
from typing import Any, Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from .advice import advice_for, route_document, rule_document, threshold_document
from .forms import MAX_VALUE_NOK
from .selectors import routes_on, rules_on, thresholds_on

router = Router(tags=["procurement"])


class AdviceQuery(Schema):
    buyer: Literal["municipality", "county", "state"]
    category: Literal["goods_services", "works", "health_social"]
    value: int = Field(..., ge=0, le=MAX_VALUE_NOK, description="Estimated value over the whole term, NOK excl. VAT")
    date: datetime.date = Field(..., description="The day of the purchase, YYYY-MM-DD")
    supplier: Literal["ideell", "work_integration", "other"] | None = Field(
        None, description="The kind of supplier, when known"
    )
    innovation: bool = Field(False, description="True when no finished solution exists yet")


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


class RuleOut(Schema):
    key: str
    kind: str
    title: str
    statement: str
    citation: str
    citation_verified: bool
    effective_from: str
    effective_to: str | None
    verified: bool
    verified_on: str
    source_date: str
    source: str


class RouteLegalSourceOut(Schema):
    rule: str
    citation: str
    source: str


class RouteOut(Schema):
    key: str
    kind: str
    name: str
    explanation: str
    when: str
    conditions: str
    risks: str
    legal_sources: list[RouteLegalSourceOut]
    cases: list[str]
    url: str


class AdviceOut(Schema):
    date: str
    buyer: str
    category: str
    value: int
    supplier: str | None
    innovation: bool
    thresholds: list[ThresholdOut]
    above_lower_limit: bool | None
    above_national_threshold: bool | None
    above_eea_threshold: bool | None
    newest_check: str | None
    after_newest_check: bool
    proposals: list[ThresholdOut]
    regulation_parts: list[RuleOut]
    rules: list[RuleOut]
    routes: list[RouteOut]
    not_known: list[str]
    sources: list[ThresholdSourceOut]


@router.get("/procurement/advice", response=AdviceOut, summary="Which procurement rules and routes apply to a purchase")
def advice_api(request: HttpRequest, query: Query[AdviceQuery]) -> dict[str, Any]:
    """A flag is null when no verified row gives that threshold for the day; `after_newest_check` says the day
    is later than the last check of the stored values, and `proposals` are changes not in force. `routes` are
    the collaboration forms and procedures open; `not_known` names rules and routes that turn on a threshold no
    stored row gives for the day."""
    advice = advice_for(
        buyer=query.buyer,
        category=query.category,
        value_nok=query.value,
        day=query.date,
        supplier=query.supplier,
        innovation=query.innovation,
    )
    return advice.document()


class OnDayQuery(Schema):
    date: datetime.date | None = Field(None, description="The day, YYYY-MM-DD; today when left out")


def _day(query: OnDayQuery) -> datetime.date:
    return query.date or timezone.localdate()


@router.get("/procurement/thresholds", response=list[ThresholdOut], summary="Thresholds in force on a day")
def threshold_list_api(request: HttpRequest, query: Query[OnDayQuery]) -> list[dict[str, Any]]:
    """Each with its source, the date the source speaks of and when it was last checked; proposals not in force
    are left out (the advice lists them apart)."""
    rows = thresholds_on(day=_day(query)).order_by("kind", "buyer", "category", "key")
    return [threshold_document(row) for row in rows]


@router.get("/procurement/rules", response=list[RuleOut], summary="Procurement rules in force on a day")
def rule_list_api(request: HttpRequest, query: Query[OnDayQuery]) -> list[dict[str, Any]]:
    return [rule_document(rule) for rule in rules_on(day=_day(query)).order_by("order", "key")]


@router.get("/procurement/routes", response=list[RouteOut], summary="Collaboration forms and procedures on a day")
def route_list_api(request: HttpRequest, query: Query[OnDayQuery]) -> list[dict[str, Any]]:
    return [route_document(route) for route in routes_on(day=_day(query))]
