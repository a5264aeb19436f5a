"""The SROI on the record: the investment and rate, and each outcome with the evidence behind all seven of its
numbers. A number without a graded source is refused, not stored: SROI principle 7 asks that the value can be
checked, and a reader of the report must see what rests on an estimate."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.collaborations.models import Collaboration
from samvei.collaborations.services import collaboration_event_record
from samvei.core.limits import SHORT_TEXT, TITLE

from ..models import Assumption, Evidence, FinancialProxy, Indicator, SroiAnalysis, SroiOutcome, Stakeholder
from ..selectors.proxies import proxy_in_newest_kroner

SHARES = ("deadweight", "displacement", "attribution", "drop_off")
MAX_DURATION_YEARS = 50


@dataclass(frozen=True)
class AssumptionData:
    evidence: str
    source: str


@dataclass(frozen=True)
class OutcomeData:
    """One outcome as entered; the shares are fractions (0.25 for 25 %). `proxy_value_nok` None asks for the
    proxy's value in the newest indexed year's kroner. `assumptions` is keyed by `Assumption.Subject`."""

    name: str
    quantity: Decimal
    proxy_value_nok: Decimal | None
    deadweight: Decimal
    displacement: Decimal
    attribution: Decimal
    drop_off: Decimal
    duration_years: int
    assumptions: Mapping[str, AssumptionData]
    stakeholder: Stakeholder | None = None
    indicator: Indicator | None = None
    proxy: FinancialProxy | None = None


def evidence_field(subject: str) -> str:
    return f"{subject}_evidence"


def source_field(subject: str) -> str:
    return f"{subject}_source"


@transaction.atomic
def analysis_save(
    *,
    collaboration: Collaboration,
    actor: User,
    investment_nok: Decimal,
    investment_note: str,
    discount_rate: Decimal,
) -> SroiAnalysis:
    """`discount_rate` is a fraction: 0.04 is Finansdepartementet's 4 % for public measures (R-109)."""
    errors: dict[str, str] = {}
    if investment_nok <= 0:
        errors["investment_nok"] = _("The investment must be more than 0 kroner.")
    if not Decimal(0) <= discount_rate < Decimal(1):
        errors["discount_rate"] = _("The discount rate must be at least 0 % and less than 100 %.")
    if errors:
        raise ValidationError({field: ValidationError(message, code="invalid") for field, message in errors.items()})
    analysis = SroiAnalysis.objects.filter(collaboration=collaboration).first() or SroiAnalysis(
        collaboration=collaboration
    )
    analysis.investment_nok = investment_nok
    analysis.investment_note = investment_note.strip()
    analysis.discount_rate = discount_rate
    analysis.updated_at = timezone.now()
    analysis.full_clean()
    analysis.save()
    collaboration_event_record(collaboration=collaboration, kind="sroi_saved", actor=actor)
    return analysis


def _check_links(analysis: SroiAnalysis, data: OutcomeData) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name.strip() or len(data.name) > TITLE:
        errors["name"] = _("Name the outcome in at most %(limit)d characters.") % {"limit": TITLE}
    if data.stakeholder is not None and data.stakeholder.collaboration_id != analysis.collaboration_id:
        errors["stakeholder"] = _("Choose a stakeholder of this collaboration.")
    if data.indicator is not None and data.indicator.collaboration_id != analysis.collaboration_id:
        errors["indicator"] = _("Choose an indicator of this collaboration.")
    return errors


def _check_numbers(data: OutcomeData) -> dict[str, str]:
    errors: dict[str, str] = {}
    if data.quantity < 0:
        errors["quantity"] = _("The quantity cannot be negative.")
    for share in SHARES:
        if not Decimal(0) <= getattr(data, share) <= Decimal(1):
            errors[share] = _("Enter a share from 0 % to 100 %.")
    if not 1 <= data.duration_years <= MAX_DURATION_YEARS:
        errors["duration_years"] = _("The duration must be from 1 to %(max)d years.") % {"max": MAX_DURATION_YEARS}
    return errors


def _value_per_unit(data: OutcomeData) -> tuple[Decimal, str | None]:
    """The value entered, or else the proxy's in the newest indexed year's kroner; a reason when neither."""
    if data.proxy_value_nok is not None:
        if data.proxy_value_nok < 0:
            return Decimal(0), _("The value per unit cannot be negative.")
        return data.proxy_value_nok, None
    if data.proxy is None:
        return Decimal(0), _("Enter a value per unit, or choose a financial proxy.")
    kroner = proxy_in_newest_kroner(proxy=data.proxy)
    if kroner is None:
        return Decimal(0), _(
            "The price index has no value for %(year)d, the year of this proxy, so it cannot be moved to "
            "today's kroner. Enter a value per unit."
        ) % {"year": data.proxy.year}
    return kroner.value, None


def _check_assumptions(data: OutcomeData) -> dict[str, str]:
    errors: dict[str, str] = {}
    for subject in Assumption.Subject.values:
        assumption = data.assumptions.get(subject)
        if assumption is None or assumption.evidence not in Evidence.values:
            errors[evidence_field(subject)] = _("Say how well this number is known.")
        if assumption is None or not assumption.source.strip():
            errors[source_field(subject)] = _("Say where this number comes from.")
        elif len(assumption.source) > SHORT_TEXT:
            errors[source_field(subject)] = _("Keep the source to at most %(limit)d characters.") % {
                "limit": SHORT_TEXT
            }
    return errors


def _store(outcome: SroiOutcome, data: OutcomeData) -> SroiOutcome:
    value, value_error = _value_per_unit(data)
    errors = _check_links(outcome.analysis, data) | _check_numbers(data) | _check_assumptions(data)
    if value_error:
        errors["proxy_value_nok"] = value_error
    if errors:
        raise ValidationError({field: ValidationError(message, code="invalid") for field, message in errors.items()})
    outcome.name = data.name.strip()
    outcome.stakeholder = data.stakeholder
    outcome.indicator = data.indicator
    outcome.quantity = data.quantity
    outcome.proxy = data.proxy
    outcome.proxy_value_nok = value
    for share in SHARES:
        setattr(outcome, share, getattr(data, share))
    outcome.duration_years = data.duration_years
    outcome.full_clean()
    outcome.save()
    outcome.assumptions.all().delete()
    assumptions = [
        Assumption(
            outcome=outcome,
            subject=subject,
            evidence=data.assumptions[subject].evidence,
            source=data.assumptions[subject].source.strip(),
        )
        for subject in Assumption.Subject.values
    ]
    for assumption in assumptions:
        assumption.full_clean(exclude=["outcome"])
    Assumption.objects.bulk_create(assumptions)
    SroiAnalysis.objects.filter(pk=outcome.analysis_id).update(updated_at=timezone.now())
    return outcome


@transaction.atomic
def outcome_add(*, analysis: SroiAnalysis, actor: User, data: OutcomeData) -> SroiOutcome:
    last = analysis.outcomes.order_by("-position").values_list("position", flat=True).first()
    outcome = _store(SroiOutcome(analysis=analysis, position=0 if last is None else last + 1), data)
    collaboration_event_record(
        collaboration=analysis.collaboration, kind="sroi_outcome_added", actor=actor, name=outcome.name
    )
    return outcome


@transaction.atomic
def outcome_change(*, outcome: SroiOutcome, actor: User, data: OutcomeData) -> SroiOutcome:
    outcome = _store(outcome, data)
    collaboration_event_record(
        collaboration=outcome.analysis.collaboration, kind="sroi_outcome_changed", actor=actor, name=outcome.name
    )
    return outcome


@transaction.atomic
def outcome_remove(*, outcome: SroiOutcome, actor: User) -> None:
    collaboration, name = outcome.analysis.collaboration, outcome.name
    outcome.delete()
    collaboration_event_record(collaboration=collaboration, kind="sroi_outcome_removed", actor=actor, name=name)
