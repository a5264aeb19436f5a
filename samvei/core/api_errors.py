"""The open API's errors: one JSON shape, `{"detail": …}`, in the caller's language. Pydantic's validation
messages are English only, so they are replaced with translated ones; the shapes are documented on every
operation (config/api.py)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from ninja import Schema


class ErrorOut(Schema):
    """Every error the API answers, except invalid input."""

    detail: str


class FieldErrorOut(Schema):
    loc: list[str | int]
    type: str
    msg: str


class ValidationErrorOut(Schema):
    """Invalid input: one entry per field, or one message when a value is well-formed but unknown."""

    detail: list[FieldErrorOut] | str


def bad_request_detail() -> str:
    return _("The request could not be read. Check the address and what you sent.")


def forbidden_detail() -> str:
    return _("You are not allowed to do this.")


def not_found_detail() -> str:
    return _("Not found.")


def server_error_detail() -> str:
    return _("Something went wrong on our side. The error has been logged. Try again shortly.")


def unavailable_detail() -> str:
    return _("Samvei is unavailable right now because the database does not answer. Try again in a few minutes.")


def _message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    context = error.get("ctx") or {}
    if kind == "int_parsing":
        return _("Must be a whole number.")
    if kind == "greater_than_equal":
        return _("Must be at least %(limit)s.") % {"limit": context.get("ge")}
    if kind == "less_than_equal":
        return _("Must be at most %(limit)s.") % {"limit": context.get("le")}
    if kind == "string_pattern_mismatch":
        return _("Has the wrong format.")
    if kind == "missing":
        return _("This field is required.")
    if kind in {"string_too_long", "too_long"}:
        return _("Is too long.")
    return _("Is not valid.")


def validation_error_detail(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Keep the location and type (stable for clients) and replace the message with a translated one."""
    return [{"loc": error.get("loc", []), "type": error.get("type", ""), "msg": _message(error)} for error in errors]
