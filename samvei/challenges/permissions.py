"""Who may see and do what with challenges and pitches. A pitch is seen by its two parties only: members of
the sending organisation and of the receiving public body. Not even platform staff read pitches."""

from __future__ import annotations

from samvei.organisations.models import Membership, Organisation
from samvei.organisations.permissions import AnyUser, is_member
from samvei.organisations.selectors import recognised_public_bodies

from .models import Challenge, Pitch


def _is_member(user: AnyUser, organisation_id: int | None) -> bool:
    return is_member(user=user, organisation_ids=[organisation_id])


def can_create_challenge(*, user: AnyUser, organisation: Organisation) -> bool:
    return organisation.is_public_body and (
        bool(user.is_authenticated and user.is_staff) or _is_member(user, organisation.pk)
    )


def can_publish_any_challenge(*, user: AnyUser) -> bool:
    """Members of a public body publish its challenges (staff start from the body's own page instead)."""
    return bool(
        user.is_authenticated
        and Membership.objects.filter(user=user, organisation__in=recognised_public_bodies()).exists()
    )


def can_manage_challenge(*, user: AnyUser, challenge: Challenge) -> bool:
    return bool(user.is_authenticated and user.is_staff) or _is_member(user, challenge.owner_id)


def can_see_pitches_to(*, user: AnyUser, challenge: Challenge) -> bool:
    """Pitches to a challenge are read by the owner's members only (a pitch has two parties, not three)."""
    return _is_member(user, challenge.owner_id)


def can_view_challenge(*, user: AnyUser, challenge: Challenge) -> bool:
    return challenge.is_public or can_manage_challenge(user=user, challenge=challenge)


def can_ask_question(*, user: AnyUser, challenge: Challenge) -> bool:
    return bool(user.is_authenticated) and challenge.accepts_pitches


def can_pitch(*, user: AnyUser, sender: Organisation) -> bool:
    """Social entrepreneurs and other non-public organisations pitch, through a member; a public body, recognised
    or still waiting for staff, does not."""
    return not sender.is_public_body_kind and _is_member(user, sender.pk)


def can_view_pitch(*, user: AnyUser, pitch: Pitch) -> bool:
    return is_member(user=user, organisation_ids=[pitch.sender_id, pitch.receiver_id])


def can_decide_pitch(*, user: AnyUser, pitch: Pitch) -> bool:
    return _is_member(user, pitch.receiver_id)


def party_for(*, user: AnyUser, pitch: Pitch) -> Organisation | None:
    """The side of the conversation the user speaks for; the receiving body when the user belongs to both."""
    if _is_member(user, pitch.receiver_id):
        return pitch.receiver
    if _is_member(user, pitch.sender_id):
        return pitch.sender
    return None


def can_see_waiting_pitches(*, user: AnyUser) -> bool:
    """Platform staff follow up the public bodies that have ideas waiting; they see who waits, not the text."""
    return bool(user.is_authenticated and user.is_staff)
