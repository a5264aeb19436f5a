"""Small rules every service follows when it refuses input or applies it to a model."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models


def field_error(field: str, message: str, *, code: str) -> ValidationError:
    """A refusal that names its field and keeps its code. (`ValidationError({field: message}, code=…)` drops the
    code: Django ignores it for a dict, so callers and tests could not tell refusals apart.)"""
    return ValidationError({field: ValidationError(message, code=code)})


def apply_fields(obj: models.Model, data: Mapping[str, Any], fields: Iterable[str]) -> list[str]:
    """Set those of `fields` that `data` holds on `obj`; returns the names whose value changed. The one way
    services copy cleaned form or import data onto a model, so the field lists cannot drift apart."""
    changed = []
    for name in fields:
        if name in data and getattr(obj, name) != data[name]:
            setattr(obj, name, data[name])
            changed.append(name)
    return changed


MAX_DATABASE_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """A database id from untrusted text, or None. `str.isdigit()` accepts «²» and other Unicode digits that
    `int()` then refuses, and a long run of digits overflows the database's 64-bit integers: both were 500s."""
    text = str(value or "").strip()
    if not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_DATABASE_ID else None


def is_storable_text(value: str) -> bool:
    """Text every database column accepts: JSON can carry lone surrogates and NUL characters, which SQLite
    stores and PostgreSQL refuses, so both are refused before either sees them."""
    return "\x00" not in value and is_unicode(value)


def is_unicode(value: str) -> bool:
    """False for a string holding lone surrogates, which no file, terminal or database encodes."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable(value: object, *, limit: int = 40) -> str:
    """A refused value as a message may show it: short, and encodable by any terminal or file."""
    text = str(value).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
