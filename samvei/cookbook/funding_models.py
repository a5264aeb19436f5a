"""Funding schemes: who funds what, who may apply (by Norwegian legal form), and on what each fact rests.

A scheme states whether it takes applications at all: some funds choose their projects themselves, and showing
them with a "who may apply" list or a deadline reminder would tell people to apply where no one can. Each fact
shown (description, criteria, amounts, deadlines) names its source, the date that source speaks of and when we
last checked it; the page shows the source's date, not the date we imported it."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samvei.core.freshness import Kind as FactKind
from samvei.core.freshness import is_possibly_outdated
from samvei.core.models import Source, TimeStampedModel
from samvei.organisations.models import Organisation
from samvei.taxonomy.models import WelfareArea

from .models import Publishable, words_of

SLUG = re.compile(r"^[-a-z0-9_]+$")


def validate_applicant_kinds(value: Any) -> None:
    """Who may apply is a JSON list of the codes in FundingScheme.ApplicantKind."""
    codes = FundingScheme.ApplicantKind.values
    if not isinstance(value, list) or not all(isinstance(kind, str) and kind in codes for kind in value):
        raise ValidationError(
            _("Who may apply must be a list of these codes in quotes: %(codes)s."),
            code="applicant_kinds",
            params={"codes": ", ".join(f'"{code}"' for code in codes)},
        )


def validate_former_slugs(value: Any) -> None:
    """Earlier address names of a scheme: a JSON list of slugs, so old links can be sent on."""
    if not isinstance(value, list) or not all(isinstance(slug, str) and SLUG.match(slug) for slug in value):
        raise ValidationError(
            _('Former address names must be a list of slugs in quotes, such as ["gammelt-navn"].'),
            code="former_slugs",
        )


class FundingScheme(Publishable):
    class ApplicantKind(models.TextChoices):
        """Norwegian legal forms (Enhetsregisteret's organisasjonsformer), not roles: «social entrepreneur» is
        no legal form, and a scheme's rules name the forms it accepts."""

        FOUNDATION = "foundation", _("Foundations (stiftelse)")
        ASSOCIATION = "association", _("Associations and clubs (forening/lag)")
        LIMITED_COMPANY = "limited_company", _("Limited companies (AS)")
        COOPERATIVE = "cooperative", _("Cooperatives (SA)")
        SOLE_PROPRIETORSHIP = "sole_proprietorship", _("Sole proprietorships (ENK)")
        MUNICIPALITY = "municipality", _("Municipalities")
        COUNTY = "county", _("County authorities")
        STATE_AGENCY = "state_agency", _("State agencies")

    name = models.CharField(_("name"), max_length=200)
    funder = models.CharField(_("funder"), max_length=200)
    funder_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="funding_schemes"
    )
    former_slugs = models.JSONField(
        _("former address names"),
        default=list,
        blank=True,
        validators=[validate_former_slugs],
        help_text=_("Old addresses of this scheme; visitors who use them are sent to the current one."),
    )
    takes_applications = models.BooleanField(
        _("takes applications"),
        default=True,
        help_text=_("Off for a fund that chooses its projects itself. It then has no list of who may apply."),
    )
    selection_nb = models.TextField(
        _("how projects are chosen (bokmål)"),
        blank=True,
        help_text=_("Required when the scheme takes no applications: say plainly how the funder chooses."),
    )
    selection_en = models.TextField(_("how projects are chosen (English)"), blank=True)
    applicant_kinds = models.JSONField(
        _("who may apply"),
        default=list,
        blank=True,
        validators=[validate_applicant_kinds],
        help_text=_("Empty when our sources do not say, and always for a scheme that takes no applications."),
    )
    welfare_areas = models.ManyToManyField(WelfareArea, blank=True, verbose_name=_("welfare areas"))
    description_nb = models.TextField(_("description (bokmål)"))
    description_en = models.TextField(_("description (English)"), blank=True)
    criteria_nb = models.TextField(_("criteria (bokmål)"), blank=True)
    criteria_en = models.TextField(_("criteria (English)"), blank=True)
    amounts_nb = models.TextField(_("amounts (bokmål)"), blank=True)
    amounts_en = models.TextField(_("amounts (English)"), blank=True)
    deadline_rule_nb = models.TextField(_("deadlines (bokmål)"), blank=True)
    deadline_rule_en = models.TextField(_("deadlines (English)"), blank=True)
    next_deadline = models.DateField(_("next deadline"), null=True, blank=True)
    url = models.URLField(_("web page"), max_length=500)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))
    source_date = models.DateField(
        _("date the source speaks of"), null=True, blank=True, help_text=_("Empty when the source gives no date.")
    )
    checked_on = models.DateField(_("last checked against the source"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("funding scheme")
        verbose_name_plural = _("funding schemes")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        try:  # an empty value skips field validators, and `None` is no list
            validate_applicant_kinds(self.applicant_kinds)
        except ValidationError as error:
            raise ValidationError({"applicant_kinds": error.messages}, code="applicant_kinds") from error
        if not self.takes_applications and self.applicant_kinds:
            raise ValidationError(
                {"applicant_kinds": _("A scheme that takes no applications has no list of who may apply.")},
                code="no_applications",
            )
        if not self.takes_applications and not self.selection_nb.strip():
            raise ValidationError(
                {"selection_nb": _("Say how the funder chooses projects when the scheme takes no applications.")},
                code="no_applications",
            )
        if not self.takes_applications and self.next_deadline:
            raise ValidationError(
                {"next_deadline": _("A scheme that takes no applications has no deadline.")},
                code="no_applications",
            )

    def get_absolute_url(self) -> str:
        return reverse("cookbook:funding-detail", kwargs={"slug": self.slug})

    @property
    def applicant_kind_list(self) -> list[str]:
        return words_of(self.applicant_kinds) if self.takes_applications else []

    @property
    def applicant_kind_labels(self) -> list[str]:
        labels = dict(self.ApplicantKind.choices)
        return [str(labels[kind]) for kind in self.applicant_kind_list if kind in labels]

    @property
    def former_slug_list(self) -> list[str]:
        return words_of(self.former_slugs)

    @property
    def can_be_followed(self) -> bool:
        """Following means deadline reminders: only a scheme people can apply to has deadlines to remind of."""
        return self.takes_applications

    @property
    def claim_sources_by_kind(self) -> dict[str, list[FundingSchemeSource]]:
        """The per-fact sources grouped by what they support, for the page to show beside each fact."""
        grouped: dict[str, list[FundingSchemeSource]] = {}
        for claim in self.claim_sources.all():
            grouped.setdefault(claim.supports, []).append(claim)
        return grouped

    def newest_source_date(self) -> datetime.date | None:
        dates = [self.source_date] + [claim.source_date for claim in self.claim_sources.all()]
        known = [day for day in dates if day is not None]
        return max(known) if known else None

    def possibly_outdated(self, *, today: datetime.date | None = None) -> bool:
        """Deadlines and amounts are yearly: when the newest source speaks of a year that is over, or of no date
        at all, or our last check is too old, what we show may have changed since."""
        return is_possibly_outdated(
            kind=FactKind.FUNDING_YEARLY,
            checked_on=self.checked_on,
            source_date=self.newest_source_date(),
            today=today or timezone.localdate(),
        )


class FundingSchemeSource(models.Model):
    """The source of one kind of fact about a scheme, with the date it speaks of and when we checked it."""

    class Supports(models.TextChoices):
        DESCRIPTION = "description", _("Description")
        APPLICATIONS = "applications", _("Whether it takes applications")
        CRITERIA = "criteria", _("Criteria")
        AMOUNTS = "amounts", _("Amounts")
        DEADLINES = "deadlines", _("Deadlines")

    scheme = models.ForeignKey(FundingScheme, on_delete=models.CASCADE, related_name="claim_sources")
    supports = models.CharField(_("supports"), max_length=20, choices=Supports.choices)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    source_date = models.DateField(
        _("date the source speaks of"), null=True, blank=True, help_text=_("Empty when the source gives no date.")
    )
    checked_on = models.DateField(_("last checked against the source"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("source of a funding fact")
        verbose_name_plural = _("sources of funding facts")

    def __str__(self) -> str:
        return f"{self.scheme} · {self.supports}: {self.title}"

    @property
    def fact_kind(self) -> str:
        """Deadlines and amounts age with their year; the other facts with our last check."""
        yearly = self.supports in (self.Supports.DEADLINES, self.Supports.AMOUNTS)
        return FactKind.FUNDING_YEARLY if yearly else FactKind.FUNDING_FACT

    @property
    def possibly_outdated(self) -> bool:
        return is_possibly_outdated(
            kind=self.fact_kind,
            checked_on=self.checked_on,
            source_date=self.source_date,
            today=timezone.localdate(),
        )


class FundingFollow(TimeStampedModel):
    """An organisation follows a scheme and is reminded by e-mail before its next deadline."""

    scheme = models.ForeignKey(FundingScheme, on_delete=models.CASCADE, related_name="follows")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="followed_schemes")
    followed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    reminded_for = models.DateField(null=True, blank=True, help_text="The deadline the last reminder was about.")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scheme", "organisation"], name="cookbook_follow_once")]

    def __str__(self) -> str:
        return f"{self.organisation} → {self.scheme}"
