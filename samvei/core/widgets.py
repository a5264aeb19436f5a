from __future__ import annotations

from datetime import date
from typing import Any

from django import forms


class HtmlDateInput(forms.DateInput):
    """A native date picker. A value that is not a date is not echoed back: `<input type=date>` only allows
    ISO dates, and the error message already says what was wrong."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value).isoformat()
            except ValueError:
                return None
        return super().format_value(value)
