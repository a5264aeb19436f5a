from __future__ import annotations

from samvei.organisations.permissions import AnyUser, is_member

from .models import Collaboration


def can_view_collaboration(*, user: AnyUser, collaboration: Collaboration) -> bool:
    """The two parties, and platform staff who follow up collaborations."""
    return bool(user.is_authenticated and user.is_staff) or is_member(
        user=user, organisation_ids=[collaboration.public_body_id, collaboration.partner_id]
    )
