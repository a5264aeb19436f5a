"""Measuring what a collaboration achieves, on the collaboration record itself: the logic model with its
stakeholders, indicators measured over time, the SROI with the evidence behind every assumption, and the
Norwegian costs (financial proxies) that put a value on an outcome, in today's kroner through the consumer
price index."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from samvei.collaborations.models import Collaboration
from samvei.core.limits import SHORT_TEXT, TITLE, limited
from samvei.core.models import Source
from samvei.organisations.models import Organisation

SHARE = [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))]


class Evidence(models.TextChoices):
    """How well an assumption is known (after Sopact's evidence grading and SROI principle 7, «verify»)."""

    MEASURED = "measured", _("Measured here")
    STUDY = "study", _("External study")
    ESTIMATE = "estimate", _("Estimate")


class Stakeholder(models.Model):
    """Who changes, or who decides: SROI principle 1 asks that each is named and involved."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="stakeholders")
    name = models.CharField(_("stakeholder"), max_length=TITLE)
    involvement = models.TextField(_("how they are involved"), blank=True, **limited(SHORT_TEXT))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")

    def __str__(self) -> str:
        return self.name


class LogicModelEntry(models.Model):
    """One box of the logic model; the levels read from what is put in to the change it leads to."""

    class Level(models.TextChoices):
        RESOURCE = "resource", pgettext_lazy("logic model", "Resources")
        ACTIVITY = "activity", pgettext_lazy("logic model", "Activities")
        OUTPUT = "output", pgettext_lazy("logic model", "Outputs")
        OUTCOME = "outcome", pgettext_lazy("logic model", "Outcomes")
        IMPACT = "impact", pgettext_lazy("logic model", "Impact")

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="logic_entries")
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    text = models.TextField(_("description"), **limited(SHORT_TEXT))
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.SET_NULL, null=True, blank=True, related_name="entries"
    )
    position = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("logic model entry")
        verbose_name_plural = _("logic model entries")

    def __str__(self) -> str:
        return self.text[:80]


class Indicator(models.Model):
    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("name"), max_length=TITLE)
    unit = models.CharField(_("unit"), max_length=50)
    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    baseline = models.DecimalField(_("baseline"), max_digits=16, decimal_places=4, null=True, blank=True)
    baseline_on = models.DateField(_("baseline measured on"), null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=16, decimal_places=4, null=True, blank=True)
    target_on = models.DateField(_("target date"), null=True, blank=True)
    data_source = models.TextField(_("source of data"), **limited(SHORT_TEXT))
    outcome = models.ForeignKey(
        LogicModelEntry,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        limit_choices_to={"level__in": ["output", "outcome", "impact"]},
        verbose_name=_("what it measures in the logic model"),
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class Measurement(models.Model):
    """One value of an indicator on one day; a second value for the same day is refused, not overwritten."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField(_("measured on"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    note = models.TextField(_("note"), blank=True, **limited(SHORT_TEXT))
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["measured_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "measured_on"], name="one_measurement_per_indicator_day")
        ]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.measured_on})"


class PriceIndex(models.Model):
    """Statistics Norway's consumer price index (KPI), annual average; staff add each new year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    value = models.DecimalField(_("index"), max_digits=8, decimal_places=2, validators=[MinValueValidator(1)])
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    verified_on = models.DateField(_("checked on"))

    class Meta:
        ordering = ["year"]
        verbose_name = _("consumer price index")
        verbose_name_plural = _("consumer price index")

    def __str__(self) -> str:
        return f"KPI {self.year}: {self.value}"


class FinancialProxy(models.Model):
    """What an outcome is worth, from a Norwegian study, in the kroner of the year the study speaks of."""

    key = models.SlugField(_("key"), max_length=100, unique=True)
    name_nb = models.CharField(_("name (bokmål)"), max_length=TITLE)
    name_en = models.CharField(_("name (English)"), max_length=TITLE, blank=True)
    description_nb = models.TextField(_("what the value covers (bokmål)"), blank=True, **limited(SHORT_TEXT))
    description_en = models.TextField(_("what the value covers (English)"), blank=True, **limited(SHORT_TEXT))
    value_nok = models.DecimalField(
        _("value (NOK)"), max_digits=16, decimal_places=0, validators=[MinValueValidator(Decimal(0))]
    )
    unit_nb = models.CharField(_("unit (bokmål)"), max_length=100)
    unit_en = models.CharField(_("unit (English)"), max_length=100, blank=True)
    year = models.PositiveSmallIntegerField(_("price year"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    source_date = models.DateField(_("date the source speaks of"))
    verified_on = models.DateField(_("checked on"))
    verified = models.BooleanField(_("verified against the source"), default=False)

    class Meta:
        ordering = ["name_nb"]
        verbose_name = _("financial proxy")
        verbose_name_plural = _("financial proxies")

    def __str__(self) -> str:
        return self.name_nb


class DiscountRate(models.Model):
    """The rate Finansdepartementet prescribes for public measures, from the day a circular took effect; the SROI
    form offers the rate in force as its default, with its source."""

    valid_from = models.DateField(_("valid from"), unique=True)
    rate = models.DecimalField(
        _("rate"),
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal("0.9999"))],
    )
    note_nb = models.TextField(_("what the source says (bokmål)"), blank=True, **limited(SHORT_TEXT))
    note_en = models.TextField(_("what the source says (English)"), blank=True, **limited(SHORT_TEXT))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    source_date = models.DateField(_("date the source speaks of"))
    verified_on = models.DateField(_("checked on"))
    verified = models.BooleanField(_("verified against the source"), default=False)

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("discount rate")
        verbose_name_plural = _("discount rates")

    def __str__(self) -> str:
        return f"{(self.rate * 100).normalize():f} % ({self.valid_from:%Y-%m-%d})"


class SroiAnalysis(models.Model):
    """One SROI per collaboration (the Cabinet Office guide, 2012): what was put in, and at what rate later
    years are discounted."""

    collaboration = models.OneToOneField(Collaboration, on_delete=models.CASCADE, related_name="sroi")
    investment_nok = models.DecimalField(
        _("investment (NOK)"), max_digits=16, decimal_places=0, validators=[MinValueValidator(Decimal(1))]
    )
    investment_note = models.TextField(_("what the investment includes"), blank=True, **limited(SHORT_TEXT))
    discount_rate = models.DecimalField(
        _("discount rate"),
        max_digits=5,
        decimal_places=4,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal("0.9999"))],
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("SROI analysis")
        verbose_name_plural = _("SROI analyses")

    def __str__(self) -> str:
        return f"SROI: {self.collaboration}"


class SroiOutcome(models.Model):
    analysis = models.ForeignKey(SroiAnalysis, on_delete=models.CASCADE, related_name="outcomes")
    name = models.CharField(_("outcome"), max_length=TITLE)
    stakeholder = models.ForeignKey(
        Stakeholder, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("stakeholder")
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("indicator")
    )
    quantity = models.DecimalField(
        _("quantity"), max_digits=16, decimal_places=4, validators=[MinValueValidator(Decimal(0))]
    )
    proxy = models.ForeignKey(
        FinancialProxy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("financial proxy"),
    )
    proxy_value_nok = models.DecimalField(
        _("value per unit (NOK)"), max_digits=16, decimal_places=0, validators=[MinValueValidator(Decimal(0))]
    )
    deadweight = models.DecimalField(_("deadweight"), max_digits=5, decimal_places=4, validators=SHARE)
    displacement = models.DecimalField(_("displacement"), max_digits=5, decimal_places=4, validators=SHARE)
    attribution = models.DecimalField(_("attribution"), max_digits=5, decimal_places=4, validators=SHARE)
    drop_off = models.DecimalField(_("drop-off"), max_digits=5, decimal_places=4, validators=SHARE)
    duration_years = models.PositiveSmallIntegerField(
        _("duration (years)"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("SROI outcome")
        verbose_name_plural = _("SROI outcomes")

    def __str__(self) -> str:
        return self.name


class Assumption(models.Model):
    """The evidence behind one number of an outcome: every number the value rests on has one."""

    class Subject(models.TextChoices):
        QUANTITY = "quantity", _("Quantity")
        PROXY = "proxy", _("Value per unit")
        DEADWEIGHT = "deadweight", _("Deadweight")
        DISPLACEMENT = "displacement", _("Displacement")
        ATTRIBUTION = "attribution", _("Attribution")
        DROP_OFF = "drop_off", _("Drop-off")
        DURATION = "duration", _("Duration")

    outcome = models.ForeignKey(SroiOutcome, on_delete=models.CASCADE, related_name="assumptions")
    subject = models.CharField(_("assumption"), max_length=20, choices=Subject.choices)
    evidence = models.CharField(_("evidence"), max_length=20, choices=Evidence.choices)
    source = models.TextField(_("source"), **limited(SHORT_TEXT))

    class Meta:
        ordering = ["outcome", "subject"]
        constraints = [models.UniqueConstraint(fields=["outcome", "subject"], name="one_assumption_per_subject")]
        verbose_name = _("assumption")
        verbose_name_plural = _("assumptions")

    def __str__(self) -> str:
        return f"{self.outcome}: {self.subject}"


class ReportLink(models.Model):
    """A private link to a collaboration's effect report, for a council or a funder who has no account. Only
    the hash is stored: the link is shown once, and either party can revoke it."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="report_links")
    token_hash = models.CharField(max_length=64, unique=True)
    label = models.CharField(_("who the link is for"), max_length=TITLE)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_opened_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("report link")
        verbose_name_plural = _("report links")

    def __str__(self) -> str:
        return self.label

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
