from __future__ import annotations

import re
import unicodedata

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


def normalise_organisation_name(value: str) -> str:
    """A name as stored: line breaks, tabs and other whitespace become one space, control and format characters
    (NUL, escape, zero-width and direction marks) are dropped, and the ends are trimmed. Every way in (forms,
    services, imports) applies it, so that a name always fits on one line of an e-mail subject."""
    text = "".join(
        " " if character.isspace() else character
        for character in unicodedata.normalize("NFC", value)
        if character.isspace() or not unicodedata.category(character).startswith("C")
    )
    return " ".join(text.split())
