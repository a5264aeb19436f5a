"""What the layout needs to know about challenges on every page, computed only when a template asks."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from . import permissions


def publishing(request: HttpRequest) -> dict[str, object]:
    """Whether the header offers «Publish a challenge»: one query, and only on pages that render the header."""
    return {"can_publish_challenge": SimpleLazyObject(lambda: permissions.can_publish_any_challenge(user=request.user))}
