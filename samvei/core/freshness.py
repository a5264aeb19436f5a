"""How long each kind of fact may go unchecked before the site calls it possibly outdated: one rule per kind,
read by every page, the API and the staff's weekly list, so no two places disagree about what is current.

Facts about a year (funding deadlines and amounts) age with the calendar: once the year the source speaks of is
over, next year's round may differ. Other facts age from the day we last checked them against their source."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise


class Kind(models.TextChoices):
    FUNDING_YEARLY = "funding_yearly", _("Funding deadlines and amounts")
    FUNDING_FACT = "funding_fact", _("Other funding facts")
    CASE_EFFECT = "case_effect", _("Effects of cases")
    CONTACT_POINT = "contact_point", _("Contact points")
    LEGAL_STATEMENT = "legal_statement", _("Procurement rules and thresholds")
    REFERENCE_VALUE = "reference_value", _("Financial proxies, price index and discount rates")
    AGREEMENT_TEMPLATE = "agreement_template", _("Agreement templates")
    PLACE_NAME = "place_name", _("Official place names")


@dataclass(frozen=True)
class Rule:
    """`max_age_days` counts from the last check; `yearly` also ages a fact when its source's year is over."""

    max_age_days: int
    description: StrPromise
    yearly: bool = False


def rules() -> dict[str, Rule]:
    return {
        Kind.FUNDING_YEARLY: Rule(
            365, _("when the year the source speaks of is over, or 12 months after the last check"), yearly=True
        ),
        Kind.FUNDING_FACT: Rule(365, _("12 months after the last check")),
        Kind.CASE_EFFECT: Rule(730, _("24 months after the last check")),
        Kind.CONTACT_POINT: Rule(settings.CONTACT_POINT_STALE_AFTER_DAYS, _("12 months after the last confirmation")),
        Kind.LEGAL_STATEMENT: Rule(183, _("6 months after the last check against the law")),
        Kind.REFERENCE_VALUE: Rule(365, _("12 months after the last check")),
        Kind.AGREEMENT_TEMPLATE: Rule(365, _("12 months after the last check")),
        Kind.PLACE_NAME: Rule(730, _("24 months after the last check")),
    }


def is_possibly_outdated(
    *,
    kind: str,
    checked_on: datetime.date | None,
    source_date: datetime.date | None = None,
    today: datetime.date,
) -> bool:
    """A fact never checked is possibly outdated; so is one checked longer ago than its kind allows, and a
    yearly fact whose source speaks of a year that is over (or of no date at all)."""
    rule = rules()[kind]
    if checked_on is None or (today - checked_on).days > rule.max_age_days:
        return True
    return rule.yearly and (source_date is None or source_date.year < today.year)
