"""Pydantic's validation messages are English only; the API answers in the caller's language instead."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


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
