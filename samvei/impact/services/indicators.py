"""Indicators and their measurements: either party adds and changes them, and each change joins the
collaboration's timeline. A day has one value; a second one is refused, never written over the first."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.collaborations.models import Collaboration
from samvei.collaborations.services import collaboration_event_record

from ..models import Indicator, LogicModelEntry, Measurement
from ..selectors.indicators import MEASURED_LEVELS


def _refusal(field: str, message: str, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def _check_outcome(*, collaboration: Collaboration, outcome: LogicModelEntry | None) -> None:
    """A crafted form could name an entry of another collaboration; its text must not be linked or shown."""
    if outcome is None:
        return
    if outcome.collaboration_id != collaboration.pk or outcome.level not in MEASURED_LEVELS:
        raise _refusal("outcome", _("Choose an output, outcome or impact of this collaboration."), "outcome")


@transaction.atomic
def indicator_add(
    *,
    collaboration: Collaboration,
    actor: User,
    name: str,
    unit: str,
    direction: str,
    data_source: str,
    baseline: Decimal | None = None,
    baseline_on: datetime.date | None = None,
    target: Decimal | None = None,
    target_on: datetime.date | None = None,
    outcome: LogicModelEntry | None = None,
) -> Indicator:
    _check_outcome(collaboration=collaboration, outcome=outcome)
    indicator = Indicator(
        collaboration=collaboration,
        name=name,
        unit=unit,
        direction=direction,
        data_source=data_source,
        baseline=baseline,
        baseline_on=baseline_on,
        target=target,
        target_on=target_on,
        outcome=outcome,
    )
    indicator.full_clean()
    indicator.save()
    collaboration_event_record(
        collaboration=collaboration, kind="indicator_added", actor=actor, name=name, indicator=indicator.pk
    )
    return indicator


@transaction.atomic
def indicator_update(
    *,
    indicator: Indicator,
    actor: User,
    name: str,
    unit: str,
    direction: str,
    data_source: str,
    baseline: Decimal | None = None,
    baseline_on: datetime.date | None = None,
    target: Decimal | None = None,
    target_on: datetime.date | None = None,
    outcome: LogicModelEntry | None = None,
) -> Indicator:
    """Saves the fields and records the change; a form sent back unchanged records nothing."""
    indicator = Indicator.objects.select_for_update().select_related("collaboration").get(pk=indicator.pk)
    _check_outcome(collaboration=indicator.collaboration, outcome=outcome)
    wanted = {
        "name": name,
        "unit": unit,
        "direction": direction,
        "data_source": data_source,
        "baseline": baseline,
        "baseline_on": baseline_on,
        "target": target,
        "target_on": target_on,
        "outcome": outcome,
    }
    changed = [field for field, value in wanted.items() if getattr(indicator, field) != value]
    for field in changed:
        setattr(indicator, field, wanted[field])
    indicator.full_clean()
    if changed:
        indicator.save(update_fields=changed)
        collaboration_event_record(
            collaboration=indicator.collaboration,
            kind="indicator_changed",
            actor=actor,
            name=indicator.name,
            indicator=indicator.pk,
        )
    return indicator


def already_measured(*, measured_on: datetime.date) -> ValidationError:
    return _refusal(
        "measured_on",
        _("%(date)s already has a value. A day has one value; choose another date.")
        % {"date": date_format(measured_on, "j. F Y")},
        "duplicate",
    )


@transaction.atomic
def measurement_add(
    *, indicator: Indicator, actor: User, measured_on: datetime.date, value: Decimal, note: str = ""
) -> Measurement:
    indicator = Indicator.objects.select_for_update().select_related("collaboration").get(pk=indicator.pk)
    if measured_on > timezone.localdate():
        raise _refusal("measured_on", _("The date is in the future. Enter a value once it is measured."), "future")
    if indicator.measurements.filter(measured_on=measured_on).exists():
        raise already_measured(measured_on=measured_on)
    measurement = Measurement(indicator=indicator, measured_on=measured_on, value=value, note=note, entered_by=actor)
    measurement.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            measurement.save()
    except IntegrityError:  # only when the lock could not hold (SQLite has none): the day was taken meanwhile
        raise already_measured(measured_on=measured_on) from None
    collaboration_event_record(
        collaboration=indicator.collaboration,
        kind="measurements_added",
        actor=actor,
        name=indicator.name,
        indicator=indicator.pk,
        count=1,
    )
    return measurement
