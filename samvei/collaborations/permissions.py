"""Who may see and change a collaboration. The two parties keep the record together; platform staff who are no
party see that it exists, its parties and its stage, but none of its private content (title, pitch, milestones,
documents, timeline, advice)."""

from __future__ import annotations

from samvei.organisations.models import Membership
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
    return is_member(user=user, organisation_ids=collaboration.party_ids)


def can_see_record(*, user: AnyUser, collaboration: Collaboration) -> bool:
    """Milestones, documents, the timeline and the advice are the parties' working material, like the pitch."""
    return can_see_pitch_of_collaboration(user=user, collaboration=collaboration)


def can_work_on_collaboration(*, user: AnyUser, collaboration: Collaboration) -> bool:
    """Either party's member moves the stage, chooses the form, records advice, adds milestones and documents;
    staff who are no party only follow up."""
    return can_see_pitch_of_collaboration(user=user, collaboration=collaboration)


def can_start_collaboration(*, user: AnyUser) -> bool:
    """Anyone who acts for an organisation may start one, naming the other party."""
    return bool(user.is_authenticated and Membership.objects.filter(user=user).exists())
