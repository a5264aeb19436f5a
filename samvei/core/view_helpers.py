"""What every app's views do the same way: refuse, show a service's refusal on the form, hide what a visitor
may not see, and cut a list into pages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import BaseForm
from django.http import Http404, HttpRequest

T = TypeVar("T")

PER_PAGE = 20


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


def page_of(items: QuerySet[Any] | Sequence[Any], request: HttpRequest, *, per_page: int = PER_PAGE) -> Page[Any]:
    """The page of `items` that `?page=` asks for. A page number that is not a whole number, or is below one,
    gives the first page and one past the end gives the last, so an old or mistyped link shows results, never
    an error."""
    paginator = Paginator(items, per_page)
    raw = request.GET.get("page", "")
    number = 1
    if raw.isascii() and raw.isdecimal():
        number = int(raw) if len(raw) <= 18 else paginator.num_pages
    return paginator.page(min(max(number, 1), paginator.num_pages))


def query_without_page(request: HttpRequest) -> str:
    """The request's query string without `page`, for the links to other pages of the same list."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
