"""Who may do what with an organisation. Every view and API route asks here; nothing else decides access.

Roles: anonymous visitors, members and admins of an organisation, and platform staff. Staff may do everything
but decide their own claim; members maintain the profile and contact points; only admins manage people and
change who the profile says the organisation is (name, number, form, website, contact e-mail)."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser

from samvei.accounts.models import User

from .models import Claim, Membership, Organisation

AnyUser = User | AnonymousUser


def is_member(*, user: AnyUser, organisation_ids: Iterable[int | None]) -> bool:
    """The user acts for at least one of the organisations (other apps' rules build on this)."""
    ids = [pk for pk in organisation_ids if pk is not None]
    return bool(
        user.is_authenticated and ids and Membership.objects.filter(user=user, organisation_id__in=ids).exists()
    )


def _role(user: AnyUser, organisation: Organisation) -> str | None:
    if not user.is_authenticated:
        return None
    membership = Membership.objects.filter(user=user, organisation=organisation).only("role").first()
    return membership.role if membership else None


def can_edit_organisation(*, user: AnyUser, organisation: Organisation) -> bool:
    return bool(user.is_authenticated and (user.is_staff or _role(user, organisation) is not None))


def can_manage_members(*, user: AnyUser, organisation: Organisation) -> bool:
    return bool(user.is_authenticated and (user.is_staff or _role(user, organisation) == Membership.Role.ADMIN))


def can_change_identity(*, user: AnyUser, organisation: Organisation) -> bool:
    """The fields that say who the organisation is are the admins' (a member could otherwise point the
    website at a domain they control, or rename the organisation)."""
    return can_manage_members(user=user, organisation=organisation)


def can_manage_contact_points(*, user: AnyUser, organisation: Organisation) -> bool:
    return organisation.is_public_body and can_edit_organisation(user=user, organisation=organisation)


def can_claim(*, user: AnyUser, organisation: Organisation) -> bool:
    """Anyone signed in who does not already act for the organisation, and has no claim waiting."""
    if not user.is_authenticated or _role(user, organisation) is not None:
        return False
    return not Claim.objects.filter(organisation=organisation, user=user, status=Claim.Status.PENDING).exists()


def can_review_claims(*, user: AnyUser) -> bool:
    """The list of every waiting claim is the staff's."""
    return bool(user.is_authenticated and user.is_staff)


def can_decide_claim(*, user: AnyUser, claim: Claim) -> bool:
    """Staff or the organisation's admins, but never the claimant: a member of staff's own claim is decided
    by another member of staff or by the organisation's admins."""
    if not user.is_authenticated or claim.user_id == user.pk:
        return False
    return bool(user.is_staff) or _role(user, claim.organisation) == Membership.Role.ADMIN


def can_leave(*, user: AnyUser, organisation: Organisation) -> bool:
    return _role(user, organisation) is not None


def can_confirm_verification(*, user: AnyUser) -> bool:
    """Only platform staff vouch for a profile the register cannot verify, confirm a registered public body
    and set the verified e-mail domain; members cannot vouch for themselves."""
    return bool(user.is_authenticated and user.is_staff)


def can_register_organisation(*, user: AnyUser) -> bool:
    return bool(user.is_authenticated)
