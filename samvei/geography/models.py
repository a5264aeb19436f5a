from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samvei.core.freshness import Kind as FactKind
from samvei.core.freshness import is_possibly_outdated
from samvei.core.models import Source, TimeStampedModel


class County(TimeStampedModel):
    """A fylke, as divided from 1 January 2024."""

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

    @property
    def official_names(self) -> list[PlaceName]:
        return names_in_force(self.names.all())

    @property
    def other_names(self) -> list[PlaceName]:
        return [name for name in self.official_names if name.name != self.name]


class Municipality(TimeStampedModel):
    """A kommune: describes where, never acts (its organisation does)."""

    class WrittenLanguage(models.TextChoices):
        BOKMAL = "bokmal", _("Bokmål")
        NYNORSK = "nynorsk", _("Nynorsk")
        NEUTRAL = "neutral", _("Neutral")

    number = models.CharField(_("municipality number"), max_length=4, unique=True)
    name = models.CharField(_("name"), max_length=100)
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

    @property
    def official_names(self) -> list[PlaceName]:
        """Every official name in force today, Norwegian first (prefetch `names` to avoid a query each)."""
        return names_in_force(self.names.all())

    @property
    def other_names(self) -> list[PlaceName]:
        """The official names besides `name`: the Sámi and Kven ones."""
        return [name for name in self.official_names if name.name != self.name]

    @property
    def other_names_text(self) -> str:
        return " – ".join(name.name for name in self.other_names)

    @property
    def other_name_sources(self) -> list[str]:
        """The titles of the sources of the Sámi and Kven names, each once."""
        return list(dict.fromkeys(name.source.title for name in self.other_names))

    @property
    def has_unverified_name_language(self) -> bool:
        return any(not name.language_verified for name in self.other_names)


class PlaceName(TimeStampedModel):
    """One official name of a municipality or a county in one language. A row per name, not a field per
    language: Kåfjord has three names, and a name can start on a date (1 January 2026 for Oslove)."""

    class Language(models.TextChoices):
        # ISO 639 codes, which are also what the HTML `lang` attribute takes.
        NORWEGIAN = "no", _("Norwegian")
        NORTH_SAMI = "se", _("North Sámi")
        LULE_SAMI = "smj", _("Lule Sámi")
        SOUTH_SAMI = "sma", _("South Sámi")
        KVEN = "fkv", _("Kven")

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="names",
        verbose_name=_("municipality"),
    )
    county = models.ForeignKey(
        County, on_delete=models.CASCADE, null=True, blank=True, related_name="names", verbose_name=_("county")
    )
    name = models.CharField(_("name"), max_length=100)
    language = models.CharField(_("language"), max_length=3, choices=Language.choices)
    language_verified = models.BooleanField(
        _("language verified"),
        default=False,
        help_text=_("False where the language is derived from the Sámi language area, not stated by the source."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    valid_from = models.DateField(_("valid from"), null=True, blank=True, help_text=_("Empty when not known."))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))
    source_date = models.DateField(_("date of the source"), null=True, blank=True)
    checked_on = models.DateField(_("last checked"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("official name")
        verbose_name_plural = _("official names")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(municipality__isnull=False, county__isnull=True)
                | models.Q(municipality__isnull=True, county__isnull=False),
                name="geography_placename_names_one_place",
            ),
            models.UniqueConstraint(
                fields=["municipality", "language", "name"], name="geography_placename_once_per_municipality"
            ),
            models.UniqueConstraint(fields=["county", "language", "name"], name="geography_placename_once_per_county"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"


def names_in_force(names: Iterable[PlaceName], *, day: date | None = None) -> list[PlaceName]:
    """The names valid on `day` (today), filtered in Python so that a prefetched `names` costs no query."""
    day = day or timezone.localdate()
    return [name for name in names if name.valid_from is None or name.valid_from <= day]


class EntryPoint(TimeStampedModel):
    """Where a municipality or county itself says to send a new idea: an address a public source states, with
    that source and its date. No row means no verified address, and pages say so instead of guessing one."""

    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="entry_points",
        verbose_name=_("municipality"),
    )
    county = models.ForeignKey(
        County,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="entry_points",
        verbose_name=_("county"),
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    postal_address = models.CharField(_("postal address"), max_length=300, blank=True)
    page_url = models.URLField(_("page for ideas or enquiries"), max_length=500, blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    source_url = models.URLField(
        _("where the source states it"), max_length=500, help_text=_("The page that states this address.")
    )
    source_date = models.DateField(_("date the source speaks of"), null=True, blank=True)
    checked_on = models.DateField(_("last checked against the source"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("entry point for ideas")
        verbose_name_plural = _("entry points for ideas")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(municipality__isnull=False, county__isnull=True)
                | models.Q(municipality__isnull=True, county__isnull=False),
                name="geography_entrypoint_one_place",
            ),
            models.CheckConstraint(
                condition=~models.Q(email="", postal_address="", page_url=""),
                name="geography_entrypoint_states_an_address",
            ),
        ]

    def __str__(self) -> str:
        place = self.municipality or self.county
        return f"{place}: {self.email or self.postal_address or self.page_url}"

    @property
    def possibly_outdated(self) -> bool:
        return is_possibly_outdated(kind=FactKind.CONTACT_POINT, checked_on=self.checked_on, today=timezone.localdate())
