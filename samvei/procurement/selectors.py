"""Which thresholds apply on a given day, read from the dated rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max, Q, QuerySet

from .models import Route, Rule, Threshold


def thresholds_on(*, day: date) -> QuerySet[Threshold]:
    """Every threshold in force on `day`, with its source."""
    return (
        Threshold.objects.filter(status=Threshold.Status.IN_FORCE, effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gt=day))
        .select_related("source")
    )


def threshold_for(*, kind: str, buyer: str, category: str, day: date) -> Threshold | None:
    """The threshold of `kind` for this buyer and purchase on `day`, or None when no stored row says."""
    return most_specific(list(thresholds_on(day=day).filter(kind=kind)), buyer=buyer, category=category)


def most_specific(rows: list[Threshold], *, buyer: str, category: str) -> Threshold | None:
    """A row for every buyer or every category applies when there is none more specific."""
    candidates = [
        row
        for row in rows
        if row.buyer in (buyer, Threshold.Buyer.ANY) and row.category in (category, Threshold.Category.ANY)
    ]
    candidates.sort(key=lambda row: (row.buyer == Threshold.Buyer.ANY, row.category == Threshold.Category.ANY))
    return candidates[0] if candidates else None


def proposed_thresholds() -> QuerySet[Threshold]:
    """Changes proposed but not in force: shown beside an answer, never used in it."""
    return Threshold.objects.filter(status=Threshold.Status.PROPOSED).select_related("source")


def newest_check() -> date | None:
    """The last day the stored thresholds were checked against their sources; after it, changes may be missing."""
    newest: date | None = Threshold.objects.filter(status=Threshold.Status.IN_FORCE).aggregate(
        newest=Max("verified_on")
    )["newest"]
    return newest


@dataclass(frozen=True)
class ValuePosition:
    """Where an estimated value stands against the thresholds in force on a day. A flag is None when no stored
    row gives that threshold for the day, so the answer says «not known» instead of guessing."""

    day: date
    value_nok: int
    lower_limit: Threshold | None
    national: Threshold | None
    eea: Threshold | None
    newest_check: date | None  # the last day the stored values were checked against their sources
    proposals: list[Threshold] = field(default_factory=list)

    @property
    def after_newest_check(self) -> bool:
        """The day is later than the last check: changes since may be missing."""
        return self.newest_check is None or self.day > self.newest_check

    @property
    def used(self) -> list[Threshold]:
        """The thresholds the answer rests on, lowest first."""
        return [row for row in (self.lower_limit, self.national, self.eea) if row is not None]

    @property
    def above_lower_limit(self) -> bool | None:
        return _reaches(self.value_nok, self.lower_limit)

    @property
    def above_national_threshold(self) -> bool | None:
        return _reaches(self.value_nok, self.national)

    @property
    def above_eea_threshold(self) -> bool | None:
        return _reaches(self.value_nok, self.eea)


def _reaches(value: int, threshold: Threshold | None) -> bool | None:
    """A value equal to a threshold reaches it."""
    return None if threshold is None else value >= threshold.value_nok


def value_position(*, value_nok: int, buyer: str, category: str, day: date) -> ValuePosition:
    in_force = list(thresholds_on(day=day))  # one query for the three kinds

    def find(kind: str) -> Threshold | None:
        return most_specific([row for row in in_force if row.kind == kind], buyer=buyer, category=category)

    newest = newest_check()
    return ValuePosition(
        day=day,
        value_nok=value_nok,
        lower_limit=find(Threshold.Kind.LOWER_LIMIT),
        national=find(Threshold.Kind.NATIONAL),
        eea=find(Threshold.Kind.EEA),
        newest_check=newest,
        proposals=list(proposed_thresholds()),
    )


def rules_on(*, day: date) -> QuerySet[Rule]:
    """Every statement of law in force on `day`, with its source."""
    return (
        Rule.objects.filter(effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gt=day))
        .select_related("source")
    )


def collaboration_forms(*, day: date) -> QuerySet[Route]:
    """The booklet's collaboration forms in force on `day`, each with the rules of its legal frame."""
    return (
        Route.objects.filter(kind=Route.Kind.FORM, effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gt=day))
        .prefetch_related("rules__source")
    )


def routes_on(*, day: date) -> QuerySet[Route]:
    """Every collaboration form and procedure in force on `day`, each with the rules of its legal frame."""
    return (
        Route.objects.filter(effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gt=day))
        .prefetch_related("rules__source")
        .order_by("kind", "order", "key")
    )
