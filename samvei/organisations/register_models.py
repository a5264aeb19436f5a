"""Our copy of Enhetsregisteret, and the words for how a profile compares with it.

The register is its own table, not fields on Organisation: a profile says what its members claim, the register
what Brønnøysund has, and verification is the comparison of the two. (Imported by `models`, where Django finds
the model.)"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from .validators import validate_org_number


class RegisterEntry(models.Model):
    """One unit (enhet) as Enhetsregisteret gave it: from the bulk file, or from a single online look-up."""

    class Source(models.TextChoices):
        BULK_FILE = "bulk_file", _("Enhetsregisteret bulk file")
        ONLINE_LOOKUP = "online_lookup", _("Enhetsregisteret online look-up")

    org_number = models.CharField(_("organisation number"), max_length=9, unique=True, validators=[validate_org_number])
    name = models.CharField(_("registered name"), max_length=300, blank=True)  # blank: a deleted unit may have none
    organisation_form = models.CharField(_("organisation form"), max_length=10, blank=True)
    # institusjonellSektorkode: 6100 is central government, 6500 local government (register.py reads it).
    sector_code = models.CharField(_("institutional sector code"), max_length=4, blank=True, default="")
    bankrupt = models.BooleanField(_("bankrupt"), default=False)
    under_liquidation = models.BooleanField(_("under liquidation"), default=False)
    under_forced_dissolution = models.BooleanField(_("under forced liquidation or dissolution"), default=False)
    deleted_on = models.DateField(_("deleted from the register"), null=True, blank=True)
    registered_on = models.DateField(_("registered in Enhetsregisteret"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices, default=Source.BULK_FILE)
    fetched_at = models.DateTimeField(_("fetched"))

    class Meta:
        ordering = ["org_number"]
        verbose_name = _("Enhetsregisteret entry")
        verbose_name_plural = _("Enhetsregisteret entries")

    def __str__(self) -> str:
        return f"{self.org_number} {self.name}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_on is not None

    @property
    def is_wound_up(self) -> bool:
        return self.under_liquidation or self.under_forced_dissolution


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("Unverified")
    VERIFIED = "verified", _("Verified against Enhetsregisteret")
    STAFF_CONFIRMED = "staff_confirmed", _("Confirmed by Samvei staff")


class VerificationReason(models.TextChoices):
    """Why a profile has its verification status; stable codes, shown translated."""

    NOT_CHECKED = "", _("Not checked yet")
    MATCHES = "matches", _("The name matches Enhetsregisteret")
    NO_ORG_NUMBER = "no_org_number", _("The profile has no organisation number")
    NOT_IN_REGISTER = "not_in_register", _("The organisation number is not in our copy of Enhetsregisteret")
    NAME_DIFFERS = "name_differs", _("The name differs from the registered name")
    FORM_DIFFERS = "form_differs", _("The organisation form differs from the registered form")
    DELETED = "deleted", _("Deleted from Enhetsregisteret")
    BANKRUPT = "bankrupt", _("Bankrupt according to Enhetsregisteret")
    WOUND_UP = "wound_up", _("Being wound up according to Enhetsregisteret")
    STAFF_CONFIRMED = "staff_confirmed", _("Samvei staff checked the organisation")
