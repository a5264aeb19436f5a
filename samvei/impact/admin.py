"""Staff keep the consumer price index, the financial proxies and the discount rates current here; the other effect data belong to
the collaborations and are only looked at."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import DiscountRate, FinancialProxy, PriceIndex

FIRST_PRICE_YEAR = 1900


def _check_year(year: int | None) -> int | None:
    """A price year before the series could hold it, or one that has not happened yet, is a typing error."""
    if year is None:
        return year
    if year < FIRST_PRICE_YEAR:
        raise forms.ValidationError(_("The year cannot be before %(first)s."), params={"first": FIRST_PRICE_YEAR})
    if year > timezone.localdate().year:
        raise forms.ValidationError(_("The year cannot be in the future."))
    return year


class PriceIndexForm(forms.ModelForm[PriceIndex]):
    class Meta:
        model = PriceIndex
        fields = ["year", "value", "source", "verified_on"]
        error_messages = {
            "source": {"required": _("Say where the index comes from: choose a source.")},
        }

    def clean_year(self) -> int | None:
        return _check_year(self.cleaned_data.get("year"))

    def clean_value(self) -> Any:
        value = self.cleaned_data.get("value")
        if value is not None and value <= 0:
            raise forms.ValidationError(_("The index must be greater than zero."))
        return value


class FinancialProxyForm(forms.ModelForm[FinancialProxy]):
    class Meta:
        model = FinancialProxy
        fields = [
            "key",
            "name_nb",
            "name_en",
            "description_nb",
            "description_en",
            "value_nok",
            "unit_nb",
            "unit_en",
            "year",
            "source",
            "source_date",
            "verified_on",
            "verified",
        ]
        error_messages = {
            "source": {
                "required": _("A financial proxy cannot be saved without a source: choose the study it comes from.")
            },
        }

    def clean_year(self) -> int | None:
        return _check_year(self.cleaned_data.get("year"))


@admin.register(PriceIndex)
class PriceIndexAdmin(admin.ModelAdmin[PriceIndex]):
    form = PriceIndexForm
    list_display = ["year", "value", "source", "verified_on"]
    search_fields = ["year", "source__title"]
    autocomplete_fields = ["source"]


@admin.register(FinancialProxy)
class FinancialProxyAdmin(admin.ModelAdmin[FinancialProxy]):
    form = FinancialProxyForm
    list_display = ["name_nb", "value_nok", "unit_nb", "year", "source", "source_date", "verified_on", "verified"]
    list_filter = ["verified", "year"]
    search_fields = ["key", "name_nb", "name_en", "description_nb", "source__title"]
    autocomplete_fields = ["source"]
    prepopulated_fields = {"key": ["name_nb"]}


@admin.register(DiscountRate)
class DiscountRateAdmin(admin.ModelAdmin[DiscountRate]):
    list_display = ["valid_from", "rate", "source", "source_date", "verified_on", "verified"]
    list_filter = ["verified"]
    autocomplete_fields = ["source"]
