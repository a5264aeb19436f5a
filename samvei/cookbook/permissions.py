"""Editors are platform staff; ticking checklists and following schemes is done on behalf of an organisation
the user belongs to; commenting needs an account."""

from __future__ import annotations

from samvei.organisations.permissions import AnyUser


def can_edit_content(*, user: AnyUser) -> bool:
    return bool(user.is_authenticated and user.is_staff)


def can_comment(*, user: AnyUser) -> bool:
    return bool(user.is_authenticated)


def can_moderate(*, user: AnyUser) -> bool:
    return can_edit_content(user=user)
