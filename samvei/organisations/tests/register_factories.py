"""Enhetsregisteret entries for tests, and organisation numbers that pass MOD11 without being anyone's."""

import factory
from django.utils import timezone

from samvei.organisations.models import RegisterEntry

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def valid_org_number(n: int) -> str:
    """The n-th organisation number from 800000000 up with a valid check digit (MOD11)."""
    candidate = 80_000_000 + n
    while True:
        digits = str(candidate)
        remainder = 11 - sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
        if remainder != 10:
            return digits + str(remainder % 11)
        candidate += 1_000_000  # numbers without a valid check digit are skipped, keeping n distinct


class RegisterEntryFactory(factory.django.DjangoModelFactory[RegisterEntry]):
    """An active limited company as Enhetsregisteret's bulk file gives it."""

    class Meta:
        model = RegisterEntry

    org_number = factory.Sequence(valid_org_number)
    name = factory.Sequence(lambda n: f"REGISTRERT {n} AS")
    organisation_form = "AS"
    source = RegisterEntry.Source.BULK_FILE
    fetched_at = factory.LazyFunction(timezone.now)
