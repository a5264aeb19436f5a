from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from samvei.core.models import Source, TimeStampedModel
from samvei.geography.models import County, Municipality

from .validators import validate_org_number


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

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    org_number = models.CharField(
        _("organisation number"), max_length=9, unique=True, null=True, blank=True, validators=[validate_org_number]
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
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
    source_urls = models.TextField(_("source addresses"), blank=True, help_text=_("One address per line."))

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

    def __str__(self) -> str:
        return self.name

    @property
    def is_public_body(self) -> bool:
        return self.kind in self.PUBLIC_BODY_KINDS
