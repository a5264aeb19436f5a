"""Every change to organisations, their people and their contact points goes through these functions."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.core.text import norwegian_slugify

from . import tasks
from .models import (
    Claim,
    ContactPoint,
    DocumentedResult,
    Invitation,
    Membership,
    Organisation,
    OrganisationEvent,
    VerificationReason,
    VerificationStatus,
)
from .register import VERIFICATION_FIELDS, RegisterCheck, apply_check, refusal, register_check

PROFILE_FIELDS = (
    "name",
    "org_number",
    "organisation_form",
    "description",
    "mission",
    "services",
    "national",
    "website",
    "contact_email",
    "contact_phone",
)
PROFILE_RELATIONS = ("welfare_areas", "target_groups", "municipalities", "counties")
# A change to any of these is a change of who the profile says it is: it is checked against the register again.
IDENTITY_FIELDS = frozenset({"name", "org_number", "organisation_form"})
VERIFICATION_NOTE_MAX_LENGTH = 1000


def _event(organisation: Organisation, kind: str, actor: User | None, **detail: Any) -> None:
    OrganisationEvent.objects.create(organisation=organisation, kind=kind, actor=actor, detail=detail)


def free_slug(base: str) -> str:
    """`base`, or when an organisation has it, the first of `base-2`, `base-3`, … that none has."""
    slug, counter = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def _unique_slug(name: str) -> str:
    return free_slug(norwegian_slugify(name)[:200] or "organisasjon")


def _set_relations(organisation: Organisation, data: dict[str, Any]) -> None:
    for relation in PROFILE_RELATIONS:
        if relation in data:
            getattr(organisation, relation).set(data[relation])


@transaction.atomic
def organisation_register(*, user: User, kind: str, data: dict[str, Any]) -> Organisation:
    """A user registers an organisation that is not in the directory yet and becomes its first admin."""
    if kind in (Organisation.Kind.MUNICIPALITY, Organisation.Kind.COUNTY):
        raise ValidationError(_("Municipalities and county authorities are already in the directory."))
    organisation = Organisation(kind=kind, slug=_unique_slug(data["name"]))
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(organisation, field, data[field])
    organisation.full_clean()
    verification = apply_check(organisation, _register_check(organisation), now=timezone.now())
    organisation.save()
    _set_relations(organisation, data)
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    _event(organisation, OrganisationEvent.Kind.CREATED, user)
    if verification is not None:
        _event(organisation, verification, user, reason=organisation.verification_reason)
    return organisation


def _register_check(organisation: Organisation) -> RegisterCheck:
    """Refuses a number Enhetsregisteret has under another name, or has deleted; any other outcome is kept
    on the profile (verified, or unverified with its reason)."""
    check = register_check(
        org_number=organisation.org_number, name=organisation.name, organisation_form=organisation.organisation_form
    )
    if organisation.org_number and (error := refusal(check, org_number=organisation.org_number)) is not None:
        raise error
    return check


@transaction.atomic
def organisation_update(*, organisation: Organisation, actor: User, data: dict[str, Any]) -> Organisation:
    changed = [field for field in PROFILE_FIELDS if field in data and getattr(organisation, field) != data[field]]
    for field in changed:
        setattr(organisation, field, data[field])
    organisation.full_clean()
    verification = None
    saved = [*changed, "updated_at"]  # only these: a stale copy must not undo a verification made meanwhile
    if IDENTITY_FIELDS.intersection(changed):  # a staff confirmation stands until the identity changes
        organisation.refresh_from_db(fields=list(VERIFICATION_FIELDS))
        verification = apply_check(organisation, _register_check(organisation), now=timezone.now())
        saved += VERIFICATION_FIELDS
    organisation.save(update_fields=saved)
    _set_relations(organisation, data)
    if "results" in data:
        _replace_results(organisation, data["results"])
        changed.append("results")
    _event(organisation, OrganisationEvent.Kind.PROFILE_UPDATED, actor, fields=changed)
    if verification is not None:
        _event(organisation, verification, actor, reason=organisation.verification_reason)
    return organisation


@transaction.atomic
def organisation_verification_confirm(*, organisation: Organisation, actor: User, note: str = "") -> Organisation:
    """Staff vouch for a profile the register cannot verify: a number not in our copy, a trade name, a unit
    being wound up that still works. The confirmation stands until the name, number or form changes."""
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    note = note.strip()
    if len(note) > VERIFICATION_NOTE_MAX_LENGTH:
        raise ValidationError(
            _("The note can be at most %(limit)d characters.") % {"limit": VERIFICATION_NOTE_MAX_LENGTH},
            code="note_too_long",
        )
    if locked.verification_status != VerificationStatus.UNVERIFIED:
        raise ValidationError(
            _("%(name)s is already verified.") % {"name": locked.name},
            code="already_verified",
        )
    previous_reason = locked.verification_reason
    locked.verification_status = VerificationStatus.STAFF_CONFIRMED
    locked.verification_reason = VerificationReason.STAFF_CONFIRMED
    locked.verification_checked_at = timezone.now()
    locked.verification_checked_by = actor
    locked.verification_note = note
    locked.save(update_fields=list(VERIFICATION_FIELDS))
    _event(locked, OrganisationEvent.Kind.STAFF_CONFIRMED, actor, previous_reason=previous_reason, note=note)
    return locked


def _replace_results(organisation: Organisation, results: list[dict[str, str]]) -> None:
    organisation.results.all().delete()
    for position, result in enumerate(results):
        documented = DocumentedResult(organisation=organisation, position=position, **result)
        documented.full_clean()
        documented.save()


@transaction.atomic
def membership_set_role(*, membership: Membership, role: str, actor: User) -> Membership:
    """Changes a member's role; an organisation is never left without an admin."""
    if role not in Membership.Role.values:
        raise ValidationError(_("Choose administrator or member."), code="invalid_role")
    admins = Membership.objects.select_for_update().filter(
        organisation=membership.organisation, role=Membership.Role.ADMIN
    )
    if membership.role == Membership.Role.ADMIN and role != Membership.Role.ADMIN and admins.count() <= 1:
        raise ValidationError(
            _("An organisation needs at least one administrator. Make someone else administrator first."),
            code="last_admin",
        )
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    _event(
        membership.organisation,
        OrganisationEvent.Kind.MEMBER_ROLE_CHANGED,
        actor,
        email=membership.user.email,
        role=role,
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
    _event(organisation, OrganisationEvent.Kind.MEMBER_INVITED, invited_by, email=email, role=role)
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
    _event(invitation.organisation, OrganisationEvent.Kind.MEMBER_JOINED, user, via="invitation")
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor: User) -> None:
    """Removes a member; an organisation is never left without an admin."""
    organisation = membership.organisation
    admins = Membership.objects.select_for_update().filter(organisation=organisation, role=Membership.Role.ADMIN)
    if membership.role == Membership.Role.ADMIN and admins.count() <= 1:
        raise ValidationError(
            _("An organisation needs at least one administrator. Make someone else administrator first."),
            code="last_admin",
        )
    email = membership.user.email
    membership.delete()
    _event(organisation, OrganisationEvent.Kind.MEMBER_REMOVED, actor, email=email)


def _website_domain(organisation: Organisation) -> str:
    host = urlsplit(organisation.website).hostname or ""
    return host.removeprefix("www.").lower()


def _verified_domains(user: User) -> set[str]:
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {address.rsplit("@", 1)[-1].lower() for address in addresses}


def _was_removed(*, organisation: Organisation, user: User) -> bool:
    """Someone an admin removed does not let themselves back in by their e-mail domain: staff decide."""
    removed = OrganisationEvent.objects.filter(organisation=organisation, kind=OrganisationEvent.Kind.MEMBER_REMOVED)
    return removed.filter(detail__email=user.email).exists()


@transaction.atomic
def claim_submit(*, organisation: Organisation, user: User, message: str) -> Claim:
    """A verified address on the organisation's own web domain is proof enough; other claims wait for staff."""
    if Membership.objects.filter(organisation=organisation, user=user).exists():
        raise ValidationError(_("You already act for this organisation."), code="already_member")
    if Claim.objects.filter(organisation=organisation, user=user, status=Claim.Status.PENDING).exists():
        raise ValidationError(_("You already have a claim awaiting review."), code="pending")
    claim = Claim(organisation=organisation, user=user, message=message)
    claim.full_clean()
    claim.save()
    _event(organisation, OrganisationEvent.Kind.CLAIM_SUBMITTED, user)
    domain = _website_domain(organisation)
    if domain and domain in _verified_domains(user) and not _was_removed(organisation=organisation, user=user):
        _claim_decide(claim=claim, reviewer=None, approve=True, note=_("E-mail address on the website's domain."))
    else:
        transaction.on_commit(lambda: tasks.send_claim_to_staff.enqueue(claim_id=claim.pk))
    return claim


def _claim_decide(*, claim: Claim, reviewer: User | None, approve: bool, note: str) -> Claim:
    if claim.status != Claim.Status.PENDING:
        raise ValidationError(_("This claim has already been decided."), code="decided")
    claim.status = Claim.Status.APPROVED if approve else Claim.Status.REJECTED
    claim.approved_automatically = approve and reviewer is None
    claim.decided_by = reviewer
    claim.decided_at = timezone.now()
    claim.decision_note = note
    claim.save()
    if approve:
        has_admin = Membership.objects.filter(organisation=claim.organisation, role=Membership.Role.ADMIN).exists()
        Membership.objects.get_or_create(
            user=claim.user,
            organisation=claim.organisation,
            defaults={"role": Membership.Role.MEMBER if has_admin else Membership.Role.ADMIN},
        )
    kind = OrganisationEvent.Kind.CLAIM_APPROVED if approve else OrganisationEvent.Kind.CLAIM_REJECTED
    _event(claim.organisation, kind, reviewer, user=claim.user.email, automatic=reviewer is None)
    transaction.on_commit(lambda: tasks.send_claim_decision.enqueue(claim_id=claim.pk))
    return claim


@transaction.atomic
def claim_decide(*, claim: Claim, reviewer: User, approve: bool, note: str = "") -> Claim:
    locked = Claim.objects.select_for_update().get(pk=claim.pk)
    return _claim_decide(claim=locked, reviewer=reviewer, approve=approve, note=note)


@transaction.atomic
def contact_point_save(
    *, organisation: Organisation, actor: User, data: dict[str, Any], contact_point: ContactPoint | None = None
) -> ContactPoint:
    """Saving a contact point also confirms it. Making one the entry contact demotes the previous one."""
    if not organisation.is_public_body:
        raise ValidationError(_("Only public bodies have contact points."), code="not_public_body")
    point = contact_point or ContactPoint(organisation=organisation)
    welfare_areas: Iterable[Any] = data.pop("welfare_areas", [])
    for field, value in data.items():
        setattr(point, field, value)
    point.last_confirmed_on = timezone.localdate()
    point.updated_by = actor
    if point.is_entry_contact:
        ContactPoint.objects.filter(organisation=organisation, is_entry_contact=True).exclude(pk=point.pk).update(
            is_entry_contact=False
        )
    point.full_clean()
    point.save()
    point.welfare_areas.set(welfare_areas)
    _event(organisation, OrganisationEvent.Kind.CONTACT_POINT_SAVED, actor, contact_point=point.pk)
    return point


@transaction.atomic
def contact_point_confirm(*, contact_point: ContactPoint, actor: User) -> ContactPoint:
    contact_point.last_confirmed_on = timezone.localdate()
    contact_point.updated_by = actor
    contact_point.save(update_fields=["last_confirmed_on", "updated_by", "updated_at"])
    _event(
        contact_point.organisation,
        OrganisationEvent.Kind.CONTACT_POINT_CONFIRMED,
        actor,
        contact_point=contact_point.pk,
    )
    return contact_point


@transaction.atomic
def contact_point_delete(*, contact_point: ContactPoint, actor: User) -> None:
    organisation = contact_point.organisation
    detail = {"role_title": contact_point.role_title, "unit": contact_point.unit}
    contact_point.delete()
    _event(organisation, OrganisationEvent.Kind.CONTACT_POINT_DELETED, actor, **detail)
