"""Procurement law as dated data: a threshold is a row with the period it applies to and the source that says so.

The law changes by date, so nothing here is a literal in code: staff correct or add rows in the admin, and the
file in `data/` is the reviewed starting point. Values are whole kroner excluding VAT; a value equal to a
threshold reaches it."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samvei.core.limits import SHORT_TEXT, limited
from samvei.core.models import Source


class Threshold(models.Model):
    class Kind(models.TextChoices):
        LOWER_LIMIT = "lower_limit", _("lower limit of the regulation")
        NATIONAL = "national", _("national threshold")
        EEA = "eea", _("EEA threshold")

    class Buyer(models.TextChoices):
        ANY = "any", _("every public buyer")
        STATE = "state", _("state authorities")
        SUB_CENTRAL = "sub_central", _("municipalities, counties and other public buyers")

    class Category(models.TextChoices):
        ANY = "any", _("every kind of purchase")
        GOODS_SERVICES = "goods_services", _("goods and services")
        WORKS = "works", _("building and construction works")
        HEALTH_SOCIAL = "health_social", _("health, social and other special services")

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("in force")
        PROPOSED = "proposed", _("proposed, not in force")

    key = models.SlugField(
        _("key"), max_length=100, unique=True, help_text=_("Stable identifier used by the data file.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    buyer = models.CharField(_("buyer"), max_length=20, choices=Buyer.choices, default=Buyer.ANY)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices, default=Category.ANY)
    value_nok = models.PositiveBigIntegerField(_("value (NOK excluding VAT)"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.IN_FORCE)
    effective_from = models.DateField(_("in force from"), null=True, blank=True)
    effective_to = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        help_text=_("The first day it no longer applies; empty while it does."),
    )
    legal_basis = models.CharField(_("legal basis"), max_length=200, help_text=_("For example «FOA § 5-3»."))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    source_date = models.DateField(_("date the source speaks of"))
    verified_on = models.DateField(_("last checked against the source"))
    verified = models.BooleanField(
        _("verified"), default=False, help_text=_("The value and its dates are both stated by the source.")
    )
    note_nb = models.TextField(_("note (bokmål)"), blank=True, **limited(SHORT_TEXT))
    note_en = models.TextField(_("note (English)"), blank=True, **limited(SHORT_TEXT))

    class Meta:
        ordering = ["kind", "buyer", "category", "effective_from"]
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        constraints = [
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_from__lt=models.F("effective_to")),
                name="threshold_period_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(status="proposed") | Q(effective_from__isnull=False),
                name="threshold_in_force_has_a_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value_nok} kr ({self.effective_from or self.get_status_display()})"

    def applies_on(self, day: date) -> bool:
        return (
            self.status == self.Status.IN_FORCE
            and self.effective_from is not None
            and self.effective_from <= day
            and (self.effective_to is None or day < self.effective_to)
        )
