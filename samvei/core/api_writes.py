"""What the API's write operations share: the web forms' own rules check what a client sends, and their
translated messages come back as the 422 shape of every other invalid input (samvei/core/api_errors.py)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from ninja import Schema, Status


def _entries(errors: dict[str, list[ValidationError]]) -> list[dict[str, Any]]:
    return [
        {
            "loc": ["body"] if field == "__all__" else ["body", field],
            "type": error.code or "invalid",
            "msg": " ".join(error.messages),
        }
        for field, field_errors in errors.items()
        for error in field_errors
    ]


def form_refusal(form: forms.BaseForm) -> Status[dict[str, Any]]:
    return Status(422, {"detail": _entries(form.errors.as_data())})


def service_refusal(error: ValidationError) -> Status[dict[str, Any]]:
    """A rule a service enforces (a closed challenge, a rate limit, a day already measured)."""
    if hasattr(error, "error_dict"):
        return Status(422, {"detail": _entries(error.error_dict)})
    return Status(422, {"detail": _entries({"__all__": error.error_list})})


def form_data(payload: Schema) -> dict[str, Any]:
    """A form reads text as the browser sends it; numbers and dates are given to it as text too."""
    data: dict[str, Any] = {}
    for name, value in payload.dict().items():
        if value is None:
            continue
        data[name] = [str(item) for item in value] if isinstance(value, list) else str(value)
    return data
