from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.no import orgnr


def validate_org_number(value: str) -> None:
    """Nine digits with a MOD11 check digit, stored without spaces (forms compact what people type)."""
    if not (re.fullmatch(r"[0-9]{9}", value) and orgnr.is_valid(value)):
        raise ValidationError(
            _("%(value)s is not a valid organisation number: it must be nine digits with a correct check digit."),
            code="invalid_org_number",
            params={"value": value},
        )
