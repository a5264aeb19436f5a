"""Who may see and change a collaboration's effect measurement. The logic model, indicators, SROI and report are
the parties' working material, like the rest of the record (collaborations/permissions.py): either party edits,
nobody else sees them, staff included. A council or funder without an account sees the report through a
private link that a party made and has not revoked."""

from __future__ import annotations

from samvei.collaborations.models import Collaboration
from samvei.collaborations.permissions import can_see_record, can_work_on_collaboration
from samvei.organisations.permissions import AnyUser


def can_see_effects(*, user: AnyUser, collaboration: Collaboration) -> bool:
    return can_see_record(user=user, collaboration=collaboration)


def can_edit_effects(*, user: AnyUser, collaboration: Collaboration) -> bool:
    return can_work_on_collaboration(user=user, collaboration=collaboration)


def can_manage_report_links(*, user: AnyUser, collaboration: Collaboration) -> bool:
    """Making and revoking a private link shares the record outside the parties: either party may."""
    return can_work_on_collaboration(user=user, collaboration=collaboration)
