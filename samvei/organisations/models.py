from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samvei.core.freshness import Kind as FactKind
from samvei.core.freshness import is_possibly_outdated
from samvei.core.limits import LONG_TEXT, SHORT_TEXT, TITLE, limited
from samvei.core.models import Source, TimeStampedModel
from samvei.geography.models import County, Municipality
from samvei.taxonomy.models import TargetGroup, WelfareArea

# Defined beside this module to keep it short; imported here, where Django finds models and callers look.
from .register_models import RegisterEntry as RegisterEntry
from .register_models import VerificationReason as VerificationReason
from .register_models import VerificationStatus as VerificationStatus
from .validators import validate_org_number


class OrganisationForm(models.TextChoices):
    """Codes from Enhetsregisteret (organisasjonsform.kode), so imports map without translation."""

    AS = "AS", _("Limited company (AS)")
    ASA = "ASA", _("Public limited company (ASA)")
    SA = "SA", _("Cooperative (SA)")
    STI = "STI", _("Foundation (stiftelse)")
    FLI = "FLI", _("Association (forening, lag, innretning)")
    ENK = "ENK", _("Sole proprietorship (ENK)")
    ANS = "ANS", _("General partnership (ANS)")
    DA = "DA", _("Partnership with shared liability (DA)")
    NUF = "NUF", _("Norwegian-registered foreign enterprise (NUF)")
    KOMM = "KOMM", _("Municipality")
    FYLK = "FYLK", _("County authority")
    ORGL = "ORGL", _("State administrative unit (organisasjonsledd)")
    STAT = "STAT", _("The state")
    SF = "SF", _("State enterprise (SF)")
    SAER = "SAER", _("Body established by special law")
    ANNA = "ANNA", _("Other legal person")


class Organisation(TimeStampedModel):
    """Every actor on Samvei: public bodies and the enterprises and organisations that work with them."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        COUNTY = "county", _("County authority")
        STATE_AGENCY = "state_agency", _("State agency")
        PUBLIC_SECTOR_ASSOCIATION = "public_sector_association", _("Public sector association")
        SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
        VOLUNTARY = "voluntary", _("Voluntary organisation")
        BUSINESS = "business", _("Business")

    PUBLIC_BODY_KINDS = (Kind.MUNICIPALITY, Kind.COUNTY, Kind.STATE_AGENCY, Kind.PUBLIC_SECTOR_ASSOCIATION)

    name = models.CharField(_("name"), max_length=TITLE)
    slug = models.SlugField(_("address name"), max_length=220, unique=True)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    aliases = models.TextField(
        _("also known as"),
        blank=True,
        **limited(SHORT_TEXT),
        help_text=_("Other names the organisation is known by, such as former names. One name per line."),
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    org_number = models.CharField(
        _("organisation number"), max_length=9, unique=True, null=True, blank=True, validators=[validate_org_number]
    )
    organisation_form = models.CharField(_("organisation form"), max_length=10, blank=True)
    industry_code = models.CharField(_("industry code (NACE)"), max_length=10, blank=True)
    description = models.TextField(_("description"), blank=True, **limited(LONG_TEXT))
    mission = models.TextField(
        _("mission"), blank=True, help_text=_("The social problem you work on, and why."), **limited(LONG_TEXT)
    )
    services = models.TextField(
        _("services offered"), blank=True, help_text=_("What you offer a public body."), **limited(LONG_TEXT)
    )
    welfare_areas = models.ManyToManyField(WelfareArea, blank=True, verbose_name=_("welfare areas"))
    target_groups = models.ManyToManyField(TargetGroup, blank=True, verbose_name=_("target groups"))
    municipalities = models.ManyToManyField(
        Municipality, blank=True, related_name="active_organisations", verbose_name=_("operates in municipalities")
    )
    counties = models.ManyToManyField(
        County, blank=True, related_name="active_organisations", verbose_name=_("operates in counties")
    )
    national = models.BooleanField(_("operates nationally"), default=False)
    website = models.URLField(_("website"), blank=True)
    verified_domain = models.CharField(
        _("verified e-mail domain"),
        max_length=253,
        blank=True,
        help_text=_("Claims from a verified e-mail address at this domain are approved at once. Set by staff."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Fictional organisation made to show how Samvei works.")
    )
    municipality = models.OneToOneField(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisation",
        verbose_name=_("municipality"),
    )
    county = models.OneToOneField(
        County, on_delete=models.PROTECT, null=True, blank=True, related_name="organisation", verbose_name=_("county")
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("source"))
    source_urls = models.TextField(
        _("source addresses"), blank=True, help_text=_("One address per line."), **limited(SHORT_TEXT)
    )
    search_text = models.TextField(editable=False, default="")
    # How the profile compares with Enhetsregisteret (register.py decides; events keep the history).
    verification_status = models.CharField(
        _("verification"), max_length=20, choices=VerificationStatus.choices, default=VerificationStatus.UNVERIFIED
    )
    verification_reason = models.CharField(
        _("reason"), max_length=20, choices=VerificationReason.choices, blank=True, default=""
    )
    verification_checked_at = models.DateTimeField(_("verification decided"), null=True, blank=True)
    verification_checked_by = models.ForeignKey(  # empty when the register decided, not a person
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    verification_note = models.TextField(_("note on the verification"), blank=True, **limited(SHORT_TEXT))
    # When a registered public body was recognised as one (register's sector code or staff): see is_public_body.
    public_body_confirmed_at = models.DateTimeField(_("confirmed as a public body"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="municipality") | models.Q(municipality__isnull=False),
                name="organisations_municipality_kind_has_municipality",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="county") | models.Q(county__isnull=False),
                name="organisations_county_kind_has_county",
            ),
        ]
        indexes = [
            models.Index(fields=["kind"], name="organisations_kind_idx"),
            models.Index(fields=["verification_status"], name="organisations_verification_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_text = organisation_search_text(self)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        if self.municipality is not None:
            return reverse("municipalities:detail", kwargs={"number": self.municipality.number})
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    @property
    def is_public_body_kind(self) -> bool:  # what the profile says; is_public_body is whether we recognise it
        return self.kind in self.PUBLIC_BODY_KINDS

    @property
    def is_public_body(self) -> bool:
        """A recognised public body (publishes challenges, receives pitches): reference data, an example, or
        confirmed by Enhetsregisteret's sector code or staff. A registration that only says it is one waits."""
        if not self.is_public_body_kind:
            return False
        from_reference_data = self.municipality_id or self.county_id or self.source_id
        return bool(from_reference_data or self.is_example or self.public_body_confirmed_at is not None)

    @property
    def organisation_form_label(self) -> str:
        try:
            return str(OrganisationForm(self.organisation_form).label)
        except ValueError:
            return self.organisation_form

    @property
    def is_verified(self) -> bool:
        return self.verification_status != VerificationStatus.UNVERIFIED

    @property
    def alias_list(self) -> list[str]:
        return alias_lines(self.aliases)


def alias_lines(text: str) -> list[str]:
    """The names in an «also known as» field: one a line, blank lines skipped."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def organisation_search_text(organisation: Organisation) -> str:
    """Case-folded text for the simple `q` filter: SQLite folds only ASCII case, so we fold in Python.
    The search issue replaces this with full-text search."""
    parts = [
        organisation.name,
        organisation.short_name,
        organisation.aliases,
        organisation.org_number or "",
        organisation.description,
        organisation.mission,
        organisation.services,
    ]
    return " ".join(part for part in parts if part).casefold()


class DocumentedResult(models.Model):
    """An effect the organisation has documented, with where it is documented."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="results")
    text = models.TextField(_("result"), **limited(SHORT_TEXT))
    figure = models.CharField(_("figure"), max_length=100, blank=True)
    source_url = models.URLField(_("documented at"), max_length=500, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("documented result")
        verbose_name_plural = _("documented results")

    def __str__(self) -> str:
        return self.text[:80]


class Membership(TimeStampedModel):
    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="organisations_membership_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.role})"


class Invitation(TimeStampedModel):
    """An admin's invitation to a colleague; accepted by signing in with the invited address."""

    VALID_FOR = timedelta(days=14)

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def is_expired(self) -> bool:
        return self.created_at + self.VALID_FOR < timezone.now()


class Claim(TimeStampedModel):
    """A user's request to act for an organisation already in the directory; staff decide."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="claims")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="claims")
    message = models.TextField(_("why you can act for the organisation"), **limited(SHORT_TEXT))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    approved_automatically = models.BooleanField(_("approved automatically"), default=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_note = models.TextField(_("note on the decision"), blank=True, **limited(SHORT_TEXT))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(status="pending"),
                name="organisations_claim_one_pending_per_user",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} → {self.organisation} ({self.status})"


class ContactPoint(TimeStampedModel):
    """Who decides what in a public body, and what to send them."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="contact_points")
    unit = models.CharField(_("unit"), max_length=150, help_text=_("For example «Helse og omsorg»."))
    role_title = models.CharField(_("role title"), max_length=150)
    person_name = models.CharField(_("person"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    welfare_areas = models.ManyToManyField(WelfareArea, blank=True, verbose_name=_("welfare areas"))
    decides_on = models.TextField(
        _("what they decide on and what to send them"),
        help_text=_("For example which purchases they decide, and what a good first enquiry contains."),
        **limited(SHORT_TEXT),
    )
    is_entry_contact = models.BooleanField(
        _("entry contact for new ideas"),
        default=False,
        help_text=_("The one person to write to when you do not know whom to ask."),
    )
    last_confirmed_on = models.DateField(_("last confirmed"), default=timezone.localdate)
    is_example = models.BooleanField(_("example"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-is_entry_contact", "unit", "role_title"]
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(is_entry_contact=True),
                name="organisations_one_entry_contact",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role_title}, {self.unit}"

    @property
    def is_possibly_outdated(self) -> bool:
        return is_possibly_outdated(
            kind=FactKind.CONTACT_POINT, checked_on=self.last_confirmed_on, today=timezone.localdate()
        )


class OrganisationEvent(models.Model):
    """The history of an organisation: every change to its profile, people and contact points."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Organisation registered")
        PROFILE_UPDATED = "profile_updated", _("Profile updated")
        IMPORTED = "imported", _("Imported")
        MEMBER_INVITED = "member_invited", _("Colleague invited")
        MEMBER_JOINED = "member_joined", _("Member joined")
        MEMBER_REMOVED = "member_removed", _("Member removed")
        MEMBER_ROLE_CHANGED = "member_role_changed", _("Member's role changed")
        MEMBER_LEFT = "member_left", _("Member left")
        CLAIM_SUBMITTED = "claim_submitted", _("Claim submitted")
        CLAIM_APPROVED = "claim_approved", _("Claim approved")
        CLAIM_REJECTED = "claim_rejected", _("Claim rejected")
        CONTACT_POINT_SAVED = "contact_point_saved", _("Contact point saved")
        CONTACT_POINT_CONFIRMED = "contact_point_confirmed", _("Contact point confirmed")
        CONTACT_POINT_DELETED = "contact_point_deleted", _("Contact point deleted")
        VERIFIED = "verified", _("Verified against Enhetsregisteret")
        UNVERIFIED = "unverified", _("Marked unverified")
        STAFF_CONFIRMED = "staff_confirmed", _("Confirmed by Samvei staff")
        PUBLIC_BODY_CONFIRMED = "public_body_confirmed", _("Confirmed as a public body")
        PUBLIC_BODY_UNCONFIRMED = "public_body_unconfirmed", _("No longer confirmed as a public body")
        VERIFIED_DOMAIN_CHANGED = "verified_domain_changed", _("Verified e-mail domain changed")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("organisation event")
        verbose_name_plural = _("organisation events")

    def __str__(self) -> str:
        return f"{self.organisation}: {self.kind}"
