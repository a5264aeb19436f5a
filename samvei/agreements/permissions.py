"""Who may generate a draft agreement: the two parties only. Staff who are no party may not, because the draft
carries the collaboration's title and milestones, which are the parties' working material."""

from __future__ import annotations

from samvei.collaborations.models import Collaboration
from samvei.collaborations.permissions import can_see_pitch_of_collaboration
from samvei.organisations.permissions import AnyUser


def can_draft_agreement(*, user: AnyUser, collaboration: Collaboration) -> bool:
    return can_see_pitch_of_collaboration(user=user, collaboration=collaboration)
