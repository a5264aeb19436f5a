"""Every change to organisations, their people and their contact points goes through these functions. The
people's side (invitations, claims, roles, leaving) is in memberships.py and re-exported here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import DomainNameValidator
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.core.audit import staff_action_record
from samvei.core.text import norwegian_slugify
from samvei.core.validation import field_error

from . import permissions, tasks
from .memberships import (
    claim_decide as claim_decide,
)
from .memberships import (
    claim_submit as claim_submit,
)
from .memberships import (
    invitation_accept as invitation_accept,
)
from .memberships import (
    invitation_create as invitation_create,
)
from .memberships import (
    membership_leave as membership_leave,
)
from .memberships import (
    membership_remove as membership_remove,
)
from .memberships import (
    membership_set_role as membership_set_role,
)
from .models import (
    ContactPoint,
    DocumentedResult,
    Membership,
    Organisation,
    OrganisationEvent,
    VerificationReason,
    VerificationStatus,
)
from .register import (
    VERIFICATION_FIELDS,
    RegisterCheck,
    apply_check,
    apply_public_body_check,
    refusal,
    register_check,
)
from .validators import normalise_organisation_name

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
# Only admins (and staff) change these: who the organisation is, and where people reach it.
ADMIN_FIELDS = (*sorted(IDENTITY_FIELDS), "website", "contact_email")
VERIFICATION_NOTE_MAX_LENGTH = 1000
_domain_validator = DomainNameValidator(accept_idna=True)


def _event(organisation: Organisation, kind: str, actor: User | None, **detail: Any) -> None:
    OrganisationEvent.objects.create(organisation=organisation, kind=kind, actor=actor, detail=detail)
    staff_action_record(actor=actor, action=kind, target=organisation)


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
    data = _normalised(data)
    organisation = Organisation(kind=kind, slug=_unique_slug(data.get("name", "")))
    for field in PROFILE_FIELDS:
        if field in data:
            setattr(organisation, field, data[field])
    organisation.full_clean()
    now = timezone.now()
    check = _register_check(organisation)
    verification = apply_check(organisation, check, now=now)
    public_body = apply_public_body_check(organisation, check, now=now, identity_changed=True)
    organisation.save()
    _set_relations(organisation, data)
    Membership.objects.create(user=user, organisation=organisation, role=Membership.Role.ADMIN)
    _event(organisation, OrganisationEvent.Kind.CREATED, user)
    if verification is not None:
        _event(organisation, verification, user, reason=organisation.verification_reason)
    if public_body is not None:
        _event(organisation, public_body, None, reason="sector_code")
    if organisation.is_public_body_kind and not organisation.is_public_body:
        # It can neither publish nor receive until staff confirm it: tell them, so it does not wait unseen.
        transaction.on_commit(lambda: tasks.send_public_body_to_staff.enqueue(organisation_id=organisation.pk))
    return organisation


def _normalised(data: dict[str, Any]) -> dict[str, Any]:
    """A line break or control character in a name is never stored (it broke e-mail subjects)."""
    if isinstance(data.get("name"), str):
        return {**data, "name": normalise_organisation_name(data["name"])}
    return data


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
    """Members keep the profile; only admins and staff change the fields in ADMIN_FIELDS."""
    data = _normalised(data)
    changed = [field for field in PROFILE_FIELDS if field in data and getattr(organisation, field) != data[field]]
    refused = [field for field in ADMIN_FIELDS if field in changed]
    if refused and not permissions.can_change_identity(user=actor, organisation=organisation):
        raise field_error(
            refused[0],
            _("Only an administrator of the organisation can change its name, number, form, website or e-mail."),
            code="admin_only",
        )
    for field in changed:
        setattr(organisation, field, data[field])
    organisation.full_clean()
    verification = public_body = None
    saved = [*changed, "updated_at"]  # only these: a stale copy must not undo a verification made meanwhile
    if IDENTITY_FIELDS.intersection(changed):  # a staff confirmation stands until the identity changes
        organisation.refresh_from_db(fields=[*VERIFICATION_FIELDS, "public_body_confirmed_at"])
        now, check = timezone.now(), _register_check(organisation)
        verification = apply_check(organisation, check, now=now)
        public_body = apply_public_body_check(organisation, check, now=now, identity_changed=True)
        saved += [*VERIFICATION_FIELDS, "public_body_confirmed_at"]
    organisation.save(update_fields=saved)
    _set_relations(organisation, data)
    if "results" in data:
        _replace_results(organisation, data["results"])
        changed.append("results")
    _event(organisation, OrganisationEvent.Kind.PROFILE_UPDATED, actor, fields=changed)
    if verification is not None:
        _event(organisation, verification, actor, reason=organisation.verification_reason)
    if public_body is not None:
        _event(organisation, public_body, actor, reason="identity_changed")
    return organisation


@transaction.atomic
def organisation_public_body_confirm(*, organisation: Organisation, actor: User) -> Organisation:
    """Staff recognise a registered public body the register does not: it may then publish challenges and receive
    pitches. The confirmation stands until the name, number or form changes."""
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not locked.is_public_body_kind:
        raise ValidationError(_("%(name)s is not registered as a public body.") % {"name": locked.name}, code="kind")
    if locked.is_public_body:
        raise ValidationError(
            _("%(name)s is already confirmed as a public body.") % {"name": locked.name}, code="already_confirmed"
        )
    locked.public_body_confirmed_at = timezone.now()
    locked.save(update_fields=["public_body_confirmed_at", "updated_at"])
    _event(locked, OrganisationEvent.Kind.PUBLIC_BODY_CONFIRMED, actor, reason="staff")
    return locked


@transaction.atomic
def organisation_verified_domain_set(*, organisation: Organisation, actor: User, domain: str) -> Organisation:
    """Staff set the domain whose verified addresses are approved at once when they claim the organisation
    (empty: every claim waits for a person)."""
    value = domain.strip().lower().removeprefix("@")
    if value:
        try:
            _domain_validator(value)
        except ValidationError:
            raise field_error(
                "domain", _("Write a domain such as «example.no», without «https://» or «@»."), code="invalid_domain"
            ) from None
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    previous = locked.verified_domain
    if previous == value:
        return locked
    locked.verified_domain = value
    locked.save(update_fields=["verified_domain", "updated_at"])
    _event(locked, OrganisationEvent.Kind.VERIFIED_DOMAIN_CHANGED, actor, previous=previous, domain=value)
    return locked


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
