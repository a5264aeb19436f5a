"""Procurement law as dated data: a threshold is a row with the period it applies to and the source that says so.

The law changes by date, so nothing here is a literal in code: staff correct or add rows in the admin, and the
file in `data/` is the reviewed starting point. Values are whole kroner excluding VAT; a value equal to a
threshold reaches it."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
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


class Band(models.TextChoices):
    """The thresholds a value can reach, lowest first: where a rule or route starts or stops applying."""

    NONE = "", _("no limit")
    LOWER_LIMIT = "lower_limit", _("lower limit of the regulation")
    NATIONAL = "national", _("national threshold")
    EEA = "eea", _("EEA threshold")


class Applicability(models.Model):
    """When a statement of law applies: its period, and the purchases it covers. An empty list covers all."""

    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(
        _("in force until"), null=True, blank=True, help_text=_("The first day it no longer applies.")
    )
    from_band = models.CharField(
        _("applies from"),
        max_length=20,
        choices=Band.choices,
        blank=True,
        help_text=_("The value must reach this threshold."),
    )
    below_band = models.CharField(
        _("applies below"),
        max_length=20,
        choices=Band.choices,
        blank=True,
        help_text=_("The value must stay below this threshold."),
    )
    buyers = models.JSONField(_("buyers"), default=list, blank=True, help_text=_("state, sub_central; empty: all"))
    categories = models.JSONField(
        _("categories"), default=list, blank=True, help_text=_("goods_services, works, health_social; empty: all")
    )
    suppliers = models.JSONField(
        _("suppliers"), default=list, blank=True, help_text=_("ideell, work_integration, other; empty: all")
    )
    innovation_only = models.BooleanField(
        _("only when no solution exists yet"), default=False, help_text=_("For new solutions, pilots and R&D.")
    )

    class Meta:
        abstract = True

    def applies_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


class Rule(Applicability):
    """A statement of law with the paragraph it rests on, dated like a threshold."""

    class Kind(models.TextChoices):
        PART = "part", _("part of the regulation")
        RULE = "rule", _("rule")

    key = models.SlugField(_("key"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.RULE)
    title_nb = models.CharField(_("title (bokmål)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    statement_nb = models.TextField(_("statement (bokmål)"), **limited(SHORT_TEXT))
    statement_en = models.TextField(_("statement (English)"), **limited(SHORT_TEXT))
    citation = models.CharField(_("paragraph"), max_length=200, help_text=_("For example «FOA § 7-9»."))
    citation_verified = models.BooleanField(
        _("paragraph number verified"),
        default=False,
        help_text=_("False when the source states the rule but not the number of its paragraph."),
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    source_date = models.DateField(_("date the source speaks of"))
    verified_on = models.DateField(_("last checked against the source"))
    verified = models.BooleanField(_("verified"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("rule")
        verbose_name_plural = _("rules")

    def __str__(self) -> str:
        return f"{self.citation}: {self.title_nb}"

    def get_absolute_url(self) -> str:
        return reverse("procurement:rules") + f"#regel-{self.key}"

    @property
    def title(self) -> str:
        return self.title_en if get_language() == "en" else self.title_nb

    @property
    def statement(self) -> str:
        return self.statement_en if get_language() == "en" else self.statement_nb


class Route(Applicability):
    """A lawful way to work together: a collaboration form from the booklet, or a procedure of the regulation.
    Its legal frame is the rules it cites, so a change in law shows on every route that rests on it."""

    class Kind(models.TextChoices):
        FORM = "form", _("collaboration form")
        PROCEDURE = "procedure", _("procedure")

    key = models.SlugField(_("key"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name_nb = models.CharField(_("name (bokmål)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    explanation_nb = models.TextField(_("what it is (bokmål)"), **limited(SHORT_TEXT))
    explanation_en = models.TextField(_("what it is (English)"), **limited(SHORT_TEXT))
    when_nb = models.TextField(_("when to use it (bokmål)"), blank=True, **limited(SHORT_TEXT))
    when_en = models.TextField(_("when to use it (English)"), blank=True, **limited(SHORT_TEXT))
    conditions_nb = models.TextField(_("conditions (bokmål)"), blank=True, **limited(SHORT_TEXT))
    conditions_en = models.TextField(_("conditions (English)"), blank=True, **limited(SHORT_TEXT))
    risks_nb = models.TextField(_("risks (bokmål)"), blank=True, **limited(SHORT_TEXT))
    risks_en = models.TextField(_("risks (English)"), blank=True, **limited(SHORT_TEXT))
    rules = models.ManyToManyField(Rule, related_name="routes", blank=True, verbose_name=_("legal frame"))
    case_slugs = models.JSONField(_("cases that used it"), default=list, blank=True)
    revised_on = models.DateField(
        _("texts last revised"), help_text=_("A data file with a later date updates the texts; an older one does not.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        ordering = ["order", "key"]
        verbose_name = _("route")
        verbose_name_plural = _("routes")

    def __str__(self) -> str:
        return self.name_nb

    def get_absolute_url(self) -> str:
        return reverse("procurement:forms") + f"#form-{self.key}"

    def _text(self, name: str) -> str:
        return str(getattr(self, f"{name}_en" if get_language() == "en" else f"{name}_nb"))

    @property
    def name(self) -> str:
        return self._text("name")

    @property
    def explanation(self) -> str:
        return self._text("explanation")

    @property
    def when(self) -> str:
        return self._text("when")

    @property
    def conditions(self) -> str:
        return self._text("conditions")

    @property
    def risks(self) -> str:
        return self._text("risks")
