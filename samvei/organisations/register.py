"""Is a profile truthful about who it is? Its organisation number and name are compared with Enhetsregisteret.

A valid check digit only says a number is well formed; this module says whether Brønnøysund knows the number
under the name the profile gives. The local copy (`RegisterEntry`, filled by `import_organisations`) is asked
first; the online look-up only when `SAMVEI_BRREG_LOOKUP` is on and the local copy does not have the number.

Outcomes: a match verifies the profile; a number registered under another name, or deleted, is refused; a
bankrupt or wound-up unit, or another organisation form, leaves the profile unverified with that reason; a
number we do not know is accepted but unverified until staff confirm it."""

from __future__ import annotations

import enum
import logging
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from samvei.core.validation import field_error

from .brreg import EnhetsregisteretClient, LookupFailed, client_from_settings
from .models import Organisation, OrganisationEvent, RegisterEntry, VerificationReason, VerificationStatus

logger = logging.getLogger(__name__)

# Words for the legal form that people often leave out of a name, or put in front (old names: «A/S Norsk …»).
LEGAL_FORM_WORDS = frozenset({"as", "asa", "sa", "ba", "ans", "da", "ks", "nuf", "enk"})
REFUSING_REASONS = frozenset({VerificationReason.NAME_DIFFERS, VerificationReason.DELETED})
# institusjonellSektorkode for public administration: central government (6100) and local government (6500).
PUBLIC_ADMINISTRATION_SECTORS = frozenset({"6100", "6500"})
VERIFICATION_FIELDS = (
    "verification_status",
    "verification_reason",
    "verification_checked_at",
    "verification_checked_by",
    "verification_note",
)
_NOT_LETTERS_OR_DIGITS = re.compile(r"[\W_]+")
REGISTER_ENTRY_FIELDS = (
    "name",
    "organisation_form",
    "sector_code",
    "bankrupt",
    "under_liquidation",
    "under_forced_dissolution",
    "deleted_on",
    "registered_on",
    "source",
    "fetched_at",
)


class Outcome(enum.StrEnum):
    MATCH = "match"
    MISMATCH = "mismatch"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class RegisterCheck:
    outcome: Outcome
    reason: VerificationReason
    entry: RegisterEntry | None = None

    @property
    def status(self) -> VerificationStatus:
        return VerificationStatus.VERIFIED if self.outcome == Outcome.MATCH else VerificationStatus.UNVERIFIED


def normalise_name(name: str) -> str:
    """The name as compared: case, spacing and punctuation ignored, «A/S» read as «AS», and a legal-form word at
    either end dropped («Besøksvennene» is «BESØKSVENNENE AS»)."""
    text = _NOT_LETTERS_OR_DIGITS.sub(" ", unicodedata.normalize("NFKC", name).casefold())
    words: list[str] = []
    after_single_letter = False
    for word in text.split():
        single_letter = len(word) == 1 and word.isalpha()
        if single_letter and after_single_letter:
            words[-1] += word  # letters split by punctuation («A/S», «A.S.A.») are one word again
        else:
            words.append(word)
        after_single_letter = single_letter
    if len(words) > 1 and words[-1] in LEGAL_FORM_WORDS:
        words.pop()
    if len(words) > 1 and words[0] in LEGAL_FORM_WORDS:
        words.pop(0)
    return " ".join(words)


def compare(*, entry: RegisterEntry | None, name: str, organisation_form: str = "") -> RegisterCheck:
    """The rule itself, without the database: what the register entry says about this name and form."""
    if entry is None:
        return RegisterCheck(Outcome.UNKNOWN, VerificationReason.NOT_IN_REGISTER)
    if entry.is_deleted:
        return RegisterCheck(Outcome.MISMATCH, VerificationReason.DELETED, entry)
    if normalise_name(name) != normalise_name(entry.name):
        return RegisterCheck(Outcome.MISMATCH, VerificationReason.NAME_DIFFERS, entry)
    if entry.bankrupt:
        return RegisterCheck(Outcome.MISMATCH, VerificationReason.BANKRUPT, entry)
    if entry.is_wound_up:
        return RegisterCheck(Outcome.MISMATCH, VerificationReason.WOUND_UP, entry)
    if organisation_form and entry.organisation_form and organisation_form != entry.organisation_form:
        return RegisterCheck(Outcome.MISMATCH, VerificationReason.FORM_DIFFERS, entry)
    return RegisterCheck(Outcome.MATCH, VerificationReason.MATCHES, entry)


class _FromSettings:
    """Marker: use the client the settings give (none unless SAMVEI_BRREG_LOOKUP is on)."""


FROM_SETTINGS = _FromSettings()


def register_check(
    *,
    org_number: str | None,
    name: str,
    organisation_form: str = "",
    client: EnhetsregisteretClient | _FromSettings | None = FROM_SETTINGS,
) -> RegisterCheck:
    """Compares a profile's number, name and form with the local register, then online if enabled."""
    if not org_number:
        return RegisterCheck(Outcome.UNKNOWN, VerificationReason.NO_ORG_NUMBER)
    entry = RegisterEntry.objects.filter(org_number=org_number).first()
    if entry is None:
        entry = _look_up_online(
            org_number, client=client_from_settings() if isinstance(client, _FromSettings) else client
        )
    return compare(entry=entry, name=name, organisation_form=organisation_form)


def _look_up_online(org_number: str, *, client: EnhetsregisteretClient | None) -> RegisterEntry | None:
    """Keeps what the look-up found in the local register, so the next check needs no network."""
    if client is None:
        return None
    try:
        data = client.lookup(org_number)
    except LookupFailed as error:
        logger.warning("Enhetsregisteret look-up of %s failed: %s", org_number, error)
        return None
    if data is None:
        return None
    found = data.entry(source=RegisterEntry.Source.ONLINE_LOOKUP, fetched_at=timezone.now())
    fields = {name: getattr(found, name) for name in REGISTER_ENTRY_FIELDS}
    entry, _created = RegisterEntry.objects.update_or_create(org_number=org_number, defaults=fields)
    return entry


def refusal(check: RegisterCheck, *, org_number: str) -> ValidationError | None:
    """The translated refusal when a profile may not use this number, naming the registered name or deletion
    (public facts in Brønnøysund); None when it may."""
    if check.reason not in REFUSING_REASONS or check.entry is None:
        return None
    if check.reason == VerificationReason.DELETED:
        deleted_on = check.entry.deleted_on
        message = _("Organisation number %(number)s was deleted from Enhetsregisteret on %(date)s. Check the number.")
        values = {"number": org_number, "date": formats.date_format(deleted_on) if deleted_on else "?"}
        return field_error("org_number", message % values, code="org_number_deleted")
    message = _(
        "Organisation number %(number)s is registered in Enhetsregisteret as «%(name)s». Check the number, "
        "or write the organisation's name as it is registered."
    )
    values = {"number": org_number, "name": check.entry.name}
    return field_error("org_number", message % values, code="org_number_name_differs")


def apply_check(organisation: Organisation, check: RegisterCheck, *, now: datetime) -> str | None:
    """Sets the organisation's verification from the check (not saved). Returns the event kind to write, or
    None when nothing worth a history row changed: the same status and reason, or a first check that finds
    nothing to say (unverified stays unverified)."""
    status, reason = check.status, check.reason
    if (organisation.verification_status, organisation.verification_reason) == (status, reason):
        return None
    first_check = organisation.verification_reason == VerificationReason.NOT_CHECKED
    status_changed = organisation.verification_status != status
    organisation.verification_status = status
    organisation.verification_reason = reason
    organisation.verification_checked_at = now
    organisation.verification_checked_by = None
    organisation.verification_note = ""
    if not status_changed and first_check:
        return None
    return (
        OrganisationEvent.Kind.VERIFIED if status == VerificationStatus.VERIFIED else OrganisationEvent.Kind.UNVERIFIED
    )


def confirms_public_body(check: RegisterCheck) -> bool:
    """Enhetsregisteret has the unit, under the profile's name, in central or local government."""
    return (
        check.outcome == Outcome.MATCH
        and check.entry is not None
        and check.entry.sector_code in PUBLIC_ADMINISTRATION_SECTORS
    )


def apply_public_body_check(
    organisation: Organisation, check: RegisterCheck, *, now: datetime, identity_changed: bool
) -> str | None:
    """Sets whether a public body registered by its members is recognised as one (not saved). The register's
    sector code recognises it; a new name, number or form takes back an earlier recognition (the register's or
    staff's) that the register does not give again. Returns the event kind to write, or None."""
    if not organisation.is_public_body_kind:
        return None
    if confirms_public_body(check):
        if organisation.public_body_confirmed_at is None:
            organisation.public_body_confirmed_at = now
            return OrganisationEvent.Kind.PUBLIC_BODY_CONFIRMED
        return None
    if identity_changed and organisation.public_body_confirmed_at is not None:
        organisation.public_body_confirmed_at = None
        return OrganisationEvent.Kind.PUBLIC_BODY_UNCONFIRMED
    return None


def verify_in_bulk(*, org_numbers: Collection[str]) -> int:
    """Re-checks every organisation with one of these numbers against the local register, for an import.
    Staff confirmations stand. A fixed number of queries however many numbers: one read of the entries and
    one of the organisations, one update per distinct outcome, one insert of events. Returns the number of
    organisations whose verification changed."""
    numbers = list(org_numbers)
    if not numbers:
        return 0
    entries = RegisterEntry.objects.in_bulk(numbers, field_name="org_number")
    organisations = Organisation.objects.filter(org_number__in=numbers).exclude(
        verification_status=VerificationStatus.STAFF_CONFIRMED
    )
    now = timezone.now()
    changed: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    events: list[OrganisationEvent] = []
    public_bodies: list[int] = []
    fields = ("pk", "name", "kind", "org_number", "organisation_form", "public_body_confirmed_at")
    for organisation in organisations.only(*fields, *VERIFICATION_FIELDS):
        entry = entries.get(organisation.org_number or "")
        check = compare(entry=entry, name=organisation.name, organisation_form=organisation.organisation_form)
        public_kind = apply_public_body_check(organisation, check, now=now, identity_changed=False)
        if public_kind is not None:
            public_bodies.append(organisation.pk)
            events.append(_event(organisation, public_kind, actor=None, reason="sector_code"))
        before = (organisation.verification_status, organisation.verification_reason)
        kind = apply_check(organisation, check, now=now)
        if before != (check.status, check.reason):
            changed[(check.status, check.reason)].append(organisation.pk)
        if kind is not None:
            events.append(_event(organisation, kind, actor=None, reason=check.reason))
    for (status, reason), ids in changed.items():
        Organisation.objects.filter(pk__in=ids).update(
            verification_status=status,
            verification_reason=reason,
            verification_checked_at=now,
            verification_checked_by=None,
            verification_note="",
        )
    if public_bodies:
        Organisation.objects.filter(pk__in=public_bodies).update(public_body_confirmed_at=now)
    OrganisationEvent.objects.bulk_create(events)
    return sum(len(ids) for ids in changed.values())


def _event(organisation: Organisation, kind: str, *, actor: Any, **detail: Any) -> OrganisationEvent:
    return OrganisationEvent(organisation=organisation, kind=kind, actor=actor, detail=detail)
