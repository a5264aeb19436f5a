"""Which discount rate the SROI offers by default on a given day."""

from __future__ import annotations

from datetime import date

from ..models import DiscountRate


def discount_rate_on(*, day: date) -> DiscountRate | None:
    """The newest rate in force on `day`; None before the first stored one, and then the form offers none."""
    return DiscountRate.objects.select_related("source").filter(valid_from__lte=day).first()
