from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samvei.core.models import Source, TimeStampedModel


class County(TimeStampedModel):
    """A fylke as of the 2024 regional reform."""

    number = models.CharField(_("county number"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    website = models.URLField(_("website"), blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("county")
        verbose_name_plural = _("counties")

    def __str__(self) -> str:
        return self.name


class Municipality(TimeStampedModel):
    """A kommune: describes where, never acts (its organisation does)."""

    class WrittenLanguage(models.TextChoices):
        BOKMAL = "bokmal", _("Bokmål")
        NYNORSK = "nynorsk", _("Nynorsk")
        NEUTRAL = "neutral", _("Neutral")

    number = models.CharField(_("municipality number"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
    sami_kven_name = models.CharField(
        _("Sámi or Kven name"), max_length=100, blank=True, help_text=_("Only where it differs from the name.")
    )
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("county")
    )
    administrative_centre = models.CharField(_("administrative centre"), max_length=100)
    population = models.PositiveIntegerField(_("population"))
    area_km2 = models.DecimalField(_("area (km²)"), max_digits=8, decimal_places=2)
    written_language = models.CharField(_("written language standard"), max_length=10, choices=WrittenLanguage.choices)
    website = models.URLField(_("website"), blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__regex=r"^[0-9]{4}$"), name="geography_municipality_number_four_digits"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("municipalities:detail", kwargs={"number": self.number})
