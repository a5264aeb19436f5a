"""What staff should check against its source again: every dated fact whose kind's rule (policy.py) says it
may be outdated, oldest check first."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import models
from django.urls import reverse
from django_stubs_ext import StrPromise

from samvei.agreements.models import AgreementTemplate
from samvei.cookbook.funding_models import FundingScheme, FundingSchemeSource
from samvei.cookbook.models import CaseEffect
from samvei.core.freshness import Kind, is_possibly_outdated
from samvei.geography.models import EntryPoint, PlaceName
from samvei.impact.models import DiscountRate, FinancialProxy
from samvei.organisations.models import ContactPoint
from samvei.procurement.models import Rule, Threshold


@dataclass(frozen=True)
class Recheck:
    kind: str
    label: str
    checked_on: datetime.date | None
    source_date: datetime.date | None
    edit_url: str

    @property
    def kind_label(self) -> str:
        return str(Kind(self.kind).label)


def _edited_on(obj: models.Model) -> models.Model:
    """The object whose admin page edits the fact: these are edited inline on their parent's page."""
    if isinstance(obj, FundingSchemeSource):
        return obj.scheme
    if isinstance(obj, CaseEffect):
        return obj.case
    if isinstance(obj, ContactPoint):
        return obj.organisation
    if isinstance(obj, PlaceName | EntryPoint):
        return obj.municipality or obj.county or obj
    return obj


def _admin_url(obj: models.Model) -> str:
    target = _edited_on(obj)
    meta = target._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[target.pk])


def _label(obj: models.Model) -> str:
    """What the fact is, with whose it is where the object's own name does not say."""
    if isinstance(obj, ContactPoint):
        return f"{obj.organisation.name}: {obj}"
    if isinstance(obj, CaseEffect):
        return f"{obj.case.title_nb}: {obj}"
    return str(obj)


Candidate = tuple[str, models.Model, datetime.date | None, datetime.date | None]


def _candidates() -> Iterator[Candidate]:
    """(kind, object, checked_on, source_date) of every dated fact shown to users."""
    yield from _content_facts()
    yield from _reference_facts()


def _content_facts() -> Iterator[Candidate]:
    for scheme in FundingScheme.objects.all():
        yield Kind.FUNDING_FACT, scheme, scheme.checked_on, scheme.source_date
    for claim in FundingSchemeSource.objects.select_related("scheme"):
        yield claim.fact_kind, claim, claim.checked_on, claim.source_date
    for effect in CaseEffect.objects.select_related("case"):
        yield Kind.CASE_EFFECT, effect, effect.checked_on, effect.source_date
    # Example contact points are fiction: nobody can confirm them.
    for point in ContactPoint.objects.filter(is_example=False).select_related("organisation"):
        yield Kind.CONTACT_POINT, point, point.last_confirmed_on, None
    for entry in EntryPoint.objects.select_related("municipality", "county"):
        yield Kind.CONTACT_POINT, entry, entry.checked_on, entry.source_date


def _reference_facts() -> Iterator[Candidate]:
    for threshold in Threshold.objects.all():
        yield Kind.LEGAL_STATEMENT, threshold, threshold.verified_on, threshold.source_date
    for rule in Rule.objects.all():
        yield Kind.LEGAL_STATEMENT, rule, rule.verified_on, rule.source_date
    # A year's price index does not change once published, so it is not re-checked.
    for proxy in FinancialProxy.objects.all():
        yield Kind.REFERENCE_VALUE, proxy, proxy.verified_on, proxy.source_date
    for rate in DiscountRate.objects.all():
        yield Kind.REFERENCE_VALUE, rate, rate.verified_on, rate.source_date
    for template in AgreementTemplate.objects.all():
        yield Kind.AGREEMENT_TEMPLATE, template, template.verified_on, template.source_date
    for name in PlaceName.objects.select_related("municipality", "county"):
        yield Kind.PLACE_NAME, name, name.checked_on, name.source_date


def rechecks_due(*, today: datetime.date) -> list[Recheck]:
    due = [
        Recheck(kind=kind, label=_label(obj), checked_on=checked, source_date=dated, edit_url=_admin_url(obj))
        for kind, obj, checked, dated in _candidates()
        if is_possibly_outdated(kind=kind, checked_on=checked, source_date=dated, today=today)
    ]
    return sorted(due, key=lambda item: (item.checked_on or datetime.date.min, item.kind, item.label))


def by_kind(items: Iterable[Recheck]) -> dict[StrPromise, list[Recheck]]:
    """Grouped in the order of the kinds, for the page and the e-mail."""
    grouped: dict[str, list[Recheck]] = {kind: [] for kind in Kind.values}
    for item in items:
        grouped[item.kind].append(item)
    return {Kind(kind).label: rows for kind, rows in grouped.items() if rows}
