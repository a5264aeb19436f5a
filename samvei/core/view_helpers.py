"""What every app's views do the same way: refuse, show a service's refusal on the form, hide what a visitor
may not see."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import Http404

T = TypeVar("T")


def require(allowed: bool) -> None:
    """Refuse with 403 unless the permission check passed."""
    if not allowed:
        raise PermissionDenied


def show_refusal(form: BaseForm, error: ValidationError) -> None:
    """Put a service's refusal on the form, on the field it names or above the form, so the page explains it
    and nothing is stored."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def visible_or_404(obj: T | None, *, visible: Callable[[T], bool], message: str) -> T:
    """404, not 403, when the object is missing or hidden from this visitor: its existence is not shown."""
    if obj is None or not visible(obj):
        raise Http404(message)
    return obj
