"""Who acts for an organisation: invitations, claims, roles, removals and leaving. (Re-exported by services.py,
where callers look; kept apart to keep each module short.)

Every change to the people is an event row, and every such event is e-mailed to the organisation's admins
(tasks.send_membership_change), so that nobody joins, leaves or changes role unnoticed."""

from __future__ import annotations

import secrets
from typing import Any

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.core.audit import staff_action_record

from . import tasks
from .models import Claim, Invitation, Membership, Organisation, OrganisationEvent


def membership_event(
    organisation: Organisation, kind: str, actor: User | None, *, person: User, **detail: Any
) -> OrganisationEvent:
    """Writes the event about `person` and, once committed, tells the organisation's admins by e-mail."""
    event = OrganisationEvent.objects.create(
        organisation=organisation,
        kind=kind,
        actor=actor,
        detail={"email": person.email, "user_id": person.pk, **detail},
    )
    transaction.on_commit(lambda: tasks.send_membership_change.enqueue(event_id=event.pk))
    staff_action_record(actor=actor, action=kind, target=organisation)
    return event


def _refuse_last_admin(membership: Membership) -> None:
    admins = Membership.objects.select_for_update().filter(
        organisation=membership.organisation, role=Membership.Role.ADMIN
    )
    if membership.role == Membership.Role.ADMIN and admins.count() <= 1:
        raise ValidationError(
            _("An organisation needs at least one administrator. Make someone else administrator first."),
            code="last_admin",
        )


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, actor: User) -> Membership:
    """Changes a member's role; an organisation is never left without an admin."""
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose administrator or member."), code="invalid_role")
    if role != Membership.Role.ADMIN:
        _refuse_last_admin(membership)
    if membership.role == role:
        return membership
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    membership_event(
        membership.organisation, OrganisationEvent.Kind.MEMBER_ROLE_CHANGED, actor, person=membership.user, role=role
    )
    return membership


@transaction.atomic
def invitation_create(*, organisation: Organisation, email: str, role: str, invited_by: User) -> Invitation:
    if Membership.objects.filter(organisation=organisation, user__email__iexact=email).exists():
        raise ValidationError(_("%(email)s is already a member.") % {"email": email}, code="already_member")
    invitation = Invitation(
        organisation=organisation, email=email, role=role, invited_by=invited_by, token=secrets.token_urlsafe(32)
    )
    invitation.full_clean()
    invitation.save()
    OrganisationEvent.objects.create(
        organisation=organisation,
        kind=OrganisationEvent.Kind.MEMBER_INVITED,
        actor=invited_by,
        detail={"email": email, "role": role},
    )
    transaction.on_commit(lambda: tasks.send_invitation.enqueue(invitation_id=invitation.pk))
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: User) -> Membership:
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.is_expired:
        raise ValidationError(_("This invitation has expired. Ask for a new one."), code="expired")
    if not EmailAddress.objects.filter(user=user, email__iexact=invitation.email, verified=True).exists():
        raise ValidationError(
            _("The invitation was sent to %(email)s. Sign in with that address to accept it.")
            % {"email": invitation.email},
            code="wrong_user",
        )
    membership, _created = Membership.objects.get_or_create(
        user=user, organisation=invitation.organisation, defaults={"role": invitation.role}
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at", "updated_at"])
    membership_event(
        invitation.organisation,
        OrganisationEvent.Kind.MEMBER_JOINED,
        user,
        person=user,
        via="invitation",
        role=membership.role,
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: User) -> None:
    """Removes a member; an organisation is never left without an admin."""
    _refuse_last_admin(membership)
    organisation, person = membership.organisation, membership.user
    membership.delete()
    membership_event(organisation, OrganisationEvent.Kind.MEMBER_REMOVED, actor, person=person)


@transaction.atomic
def membership_leave(*, membership: Membership, user: User) -> None:
    """A member stops acting for the organisation; the last admin hands the role on first."""
    if membership.user_id != user.pk:
        raise ValidationError(_("You can only leave on your own behalf."), code="not_yours")
    _refuse_last_admin(membership)
    organisation = membership.organisation
    membership.delete()
    membership_event(organisation, OrganisationEvent.Kind.MEMBER_LEFT, user, person=user)


def _verified_domains(user: User) -> set[str]:
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {address.rsplit("@", 1)[-1].lower() for address in addresses}


def _was_turned_away(*, organisation: Organisation, user: User) -> bool:
    """Someone an admin removed, or whose claim was refused, does not let themselves back in by their e-mail
    domain: a person decides. Matched by account and by every address the account has, so that changing the
    primary address does not wipe the slate."""
    if Claim.objects.filter(organisation=organisation, user=user, status=Claim.Status.REJECTED).exists():
        return True
    addresses = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    by_address = Q()
    for address in addresses:
        by_address |= Q(detail__email__iexact=address)
    removed = OrganisationEvent.objects.filter(organisation=organisation, kind=OrganisationEvent.Kind.MEMBER_REMOVED)
    return removed.filter(Q(detail__user_id=user.pk) | by_address).exists()


def _approving_domain(*, organisation: Organisation, user: User) -> str | None:
    """The organisation's verified domain when the user has a verified address there and was not turned away.
    Only the verified domain counts (staff or reference data set it), never the website members edit."""
    domain = organisation.verified_domain.strip().lower()
    if not domain or domain not in _verified_domains(user):
        return None
    return None if _was_turned_away(organisation=organisation, user=user) else domain


@transaction.atomic
def claim_submit(*, organisation: Organisation, user: User, message: str) -> Claim:
    """A verified address on the organisation's verified domain is proof enough; other claims wait for staff or
    the organisation's admins."""
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError(_("You already act for this organisation."), code="already_member")
    if Claim.objects.filter(organisation=organisation, user=user, status=Claim.Status.PENDING).exists():
        raise ValidationError(_("You already have a claim awaiting review."), code="pending")
    claim = Claim(organisation=organisation, user=user, message=message)
    claim.full_clean()
    claim.save()
    membership_event(organisation, OrganisationEvent.Kind.CLAIM_SUBMITTED, user, person=user)
    domain = _approving_domain(organisation=organisation, user=user)
    if domain is not None:
        note = _("E-mail address on the organisation's verified domain.")
        _claim_decide(claim=claim, reviewer=None, approve=True, note=note, domain=domain)
    else:
        transaction.on_commit(lambda: tasks.send_claim_to_staff.enqueue(claim_id=claim.pk))
    return claim


def _claim_decide(*, claim: Claim, reviewer: User | None, approve: bool, note: str, domain: str = "") -> Claim:
    if claim.status != Claim.Status.PENDING:
        raise ValidationError(_("This claim has already been decided."), code="decided")
    if reviewer is not None and reviewer.pk == claim.user_id:
        raise ValidationError(
            _(
                "You cannot decide your own claim. Another member of staff or an administrator of the "
                "organisation must do it."
            ),
            code="own_claim",
        )
    claim.status = Claim.Status.APPROVED if approve else Claim.Status.REJECTED
    claim.approved_automatically = approve and reviewer is None
    claim.decided_by = reviewer
    claim.decided_at = timezone.now()
    claim.decision_note = note
    claim.save()
    detail: dict[str, Any] = {"automatic": reviewer is None}
    if domain:
        detail["domain"] = domain
    if approve:
        has_admin = Membership.objects.filter(organisation=claim.organisation, role=Membership.Role.ADMIN).exists()
        membership, _created = Membership.objects.get_or_create(
            user=claim.user,
            organisation=claim.organisation,
            defaults={"role": Membership.Role.MEMBER if has_admin else Membership.Role.ADMIN},
        )
        detail["role"] = membership.role
    kind = OrganisationEvent.Kind.CLAIM_APPROVED if approve else OrganisationEvent.Kind.CLAIM_REJECTED
    membership_event(claim.organisation, kind, reviewer, person=claim.user, **detail)
    transaction.on_commit(lambda: tasks.send_claim_decision.enqueue(claim_id=claim.pk))
    return claim


@transaction.atomic
def claim_decide(*, claim: Claim, reviewer: User, approve: bool, note: str = "") -> Claim:
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    return _claim_decide(claim=locked, reviewer=reviewer, approve=approve, note=note)
