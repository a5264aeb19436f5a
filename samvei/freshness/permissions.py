"""Re-checking facts is the platform staff's work: only they see the list."""

from __future__ import annotations

from samvei.organisations.permissions import AnyUser


def can_see_rechecks(*, user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_staff)
