"""The advisor's answer: where a value stands, which parts of the regulation and which rules apply, and which
routes are open, all read from the dated rows. The page, the API and the command share it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q
from django.utils.translation import get_language

from .models import Applicability, Band, Route, Rule, Threshold
from .selectors import ValuePosition, rules_on, value_position

SUPPLIERS = ("ideell", "work_integration", "other")
# The advisor asks who buys in plain words; the thresholds know two kinds of buyer.
BUYERS = {
    "municipality": Threshold.Buyer.SUB_CENTRAL,
    "county": Threshold.Buyer.SUB_CENTRAL,
    "state": Threshold.Buyer.STATE,
}


@dataclass(frozen=True)
class Question:
    """What the advisor is asked; `supplier` None means the asker did not say."""

    buyer: str  # municipality, county or state
    category: str
    value_nok: int
    day: date
    supplier: str | None = None
    innovation: bool = False


@dataclass(frozen=True)
class Advice:
    question: Question
    position: ValuePosition
    regulation_parts: list[Rule]
    rules: list[Rule]
    routes: list[Route]
    not_known: list[Route | Rule] = field(default_factory=list)  # depend on a threshold no stored row gives

    def document(self) -> dict[str, Any]:
        return advice_document(self)


def advice_for(
    *,
    buyer: str,
    category: str,
    value_nok: int,
    day: date,
    supplier: str | None = None,
    innovation: bool = False,
) -> Advice:
    question = Question(buyer, category, value_nok, day, supplier, innovation)
    position = value_position(value_nok=value_nok, buyer=BUYERS[buyer], category=category, day=day)
    rules = list(rules_on(day=day))
    routes = list(
        Route.objects.filter(effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gt=day))
        .prefetch_related(Prefetch("rules", queryset=Rule.objects.select_related("source")))
    )
    items: list[Route | Rule] = [*rules, *routes]
    verdicts = {id(item): _applies(item, question=question, position=position) for item in items}
    applying_rules = [rule for rule in rules if verdicts[id(rule)]]
    return Advice(
        question=question,
        position=position,
        regulation_parts=[rule for rule in applying_rules if rule.kind == Rule.Kind.PART],
        rules=[rule for rule in applying_rules if rule.kind == Rule.Kind.RULE],
        routes=[route for route in routes if verdicts[id(route)]],
        not_known=[item for item in items if verdicts[id(item)] is None],
    )


def _applies(item: Applicability, *, question: Question, position: ValuePosition) -> bool | None:
    """True or False when the stored rows decide; None when it turns on a threshold no row gives for the day."""
    threshold_buyer = BUYERS[question.buyer]
    if item.buyers and threshold_buyer not in item.buyers:
        return False
    if item.categories and question.category not in item.categories:
        return False
    if item.suppliers and question.supplier is not None and question.supplier not in item.suppliers:
        return False
    if item.innovation_only and not question.innovation:
        return False
    reaches_from = _reaches(position, item.from_band)
    stays_below = _reaches(position, item.below_band)
    if (item.from_band and reaches_from is False) or (item.below_band and stays_below is True):
        return False
    if (item.from_band and reaches_from is None) or (item.below_band and stays_below is None):
        return None
    return True


def _reaches(position: ValuePosition, band: str) -> bool | None:
    if band == Band.LOWER_LIMIT:
        return position.above_lower_limit
    if band == Band.NATIONAL:
        return position.above_national_threshold
    if band == Band.EEA:
        return position.above_eea_threshold
    return None


def advice_document(advice: Advice) -> dict[str, Any]:
    """The answer as data, the same for the API and the command, citing every row it rests on."""
    position, question = advice.position, advice.question
    used = position.used
    newest = position.newest_check
    cited_rules = _unique(
        [*advice.regulation_parts, *advice.rules, *(r for route in advice.routes for r in route.rules.all())]
    )
    return {
        "date": position.day.isoformat(),
        "buyer": question.buyer,
        "category": question.category,
        "value": position.value_nok,
        "supplier": question.supplier,
        "innovation": question.innovation,
        "thresholds": [threshold_document(row) for row in used],
        "above_lower_limit": position.above_lower_limit,
        "above_national_threshold": position.above_national_threshold,
        "above_eea_threshold": position.above_eea_threshold,
        "newest_check": newest.isoformat() if newest else None,
        "after_newest_check": position.after_newest_check,
        "proposals": [threshold_document(row) for row in position.proposals],
        "regulation_parts": [rule_document(rule) for rule in advice.regulation_parts],
        "rules": [rule_document(rule) for rule in advice.rules],
        "routes": [route_document(route) for route in advice.routes],
        "not_known": [item.key for item in advice.not_known],
        "sources": _sources([*used, *position.proposals, *cited_rules]),
    }


def _english() -> bool:
    return get_language() == "en"


def threshold_document(row: Threshold) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "buyer": row.buyer,
        "category": row.category,
        "value": row.value_nok,
        "status": row.status,
        "effective_from": row.effective_from.isoformat() if row.effective_from else None,
        "effective_to": row.effective_to.isoformat() if row.effective_to else None,
        "legal_basis": row.legal_basis,
        "verified": row.verified,
        "verified_on": row.verified_on.isoformat(),
        "source_date": row.source_date.isoformat(),
        "note": row.note_en if _english() else row.note_nb,
        "source": row.source.key,
    }


def rule_document(rule: Rule) -> dict[str, Any]:
    return {
        "key": rule.key,
        "kind": rule.kind,
        "title": rule.title,
        "statement": rule.statement,
        "citation": rule.citation,
        "citation_verified": rule.citation_verified,
        "effective_from": rule.effective_from.isoformat(),
        "effective_to": rule.effective_to.isoformat() if rule.effective_to else None,
        "verified": rule.verified,
        "verified_on": rule.verified_on.isoformat(),
        "source_date": rule.source_date.isoformat(),
        "source": rule.source.key,
    }


def route_document(route: Route) -> dict[str, Any]:
    return {
        "key": route.key,
        "kind": route.kind,
        "name": route.name,
        "explanation": route.explanation,
        "when": route.when,
        "conditions": route.conditions,
        "risks": route.risks,
        "legal_sources": [
            {"rule": rule.key, "citation": rule.citation, "source": rule.source.key} for rule in route.rules.all()
        ],
        "cases": list(route.case_slugs),
        "url": route.get_absolute_url(),
    }


def _unique(rules: list[Rule]) -> list[Rule]:
    return list({rule.key: rule for rule in rules}.values())


def _sources(rows: list[Threshold | Rule]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for row in rows:
        seen.setdefault(row.source.key, {"key": row.source.key, "title": row.source.title, "url": row.source.url})
    return list(seen.values())
