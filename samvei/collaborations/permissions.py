from __future__ import annotations

from samvei.organisations.permissions import AnyUser, is_member

from .models import Collaboration


def can_view_collaboration(*, user: AnyUser, collaboration: Collaboration) -> bool:
    """The two parties, and platform staff who follow up collaborations."""
    return bool(user.is_authenticated and user.is_staff) or can_see_pitch_of_collaboration(
        user=user, collaboration=collaboration
    )


def can_see_pitch_of_collaboration(*, user: AnyUser, collaboration: Collaboration) -> bool:
    """The pitch behind a collaboration is for its two parties only (as in challenges/permissions.py), and so is
    the collaboration's title, which starts as a copy of the pitch's. Staff who are no party see neither."""
    return is_member(user=user, organisation_ids=[collaboration.public_body_id, collaboration.partner_id])
