from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Count, F, QuerySet, Window
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samvei.core.forms import FilterableChoiceField

from .models import Municipality
from .selectors import county_list


def county_choices() -> list[tuple[str, str]]:
    return [("", str(_("All counties")))] + [(county.number, county.name) for county in county_list()]


def _municipalities(empty: str) -> list[tuple[str, str]]:
    return [("", empty), *list(Municipality.objects.order_by("name").values_list("number", "name"))]


def municipality_choices() -> list[tuple[str, str]]:
    return _municipalities(str(_("All municipalities")))


def municipality_to_choose() -> list[tuple[str, str]]:
    return _municipalities(str(_("Choose a municipality")))


def _municipalities_with_namesakes() -> QuerySet[Municipality]:
    namesakes = Window(expression=Count("id"), partition_by=[F("name")])
    return (
        Municipality.objects.select_related("county")
        .prefetch_related("names")
        .annotate(namesakes=namesakes)
        .order_by("name", "number")
    )


class MunicipalitiesField(FilterableChoiceField):
    """Municipalities as filterable checkboxes, submitted as their numbers. Two Herøys and two Våler exist:
    the county tells them apart, and the Sámi and Kven names are there to be found by the filter."""

    def __init__(self, *, label: str | Promise, help_text: str | Promise = "", **kwargs: Any) -> None:
        super().__init__(
            queryset=_municipalities_with_namesakes(),
            label=label,
            help_text=help_text,
            required=False,
            to_field_name="number",
            filter_label=_("Filter municipalities"),
            **kwargs,
        )

    def label_from_instance(self, obj: Municipality) -> str:
        name = f"{obj.name} – {obj.other_names_text}" if obj.other_names else obj.name
        return f"{name} ({obj.county.name})" if getattr(obj, "namesakes", 1) > 1 else name


class MunicipalityFilterForm(forms.Form):
    mark_optional = False
    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    county = forms.ChoiceField(label=_("County"), required=False, choices=county_choices)
