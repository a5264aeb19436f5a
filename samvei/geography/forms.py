from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import county_list


def county_choices() -> list[tuple[str, str]]:
    return [("", str(_("All counties")))] + [(county.number, county.name) for county in county_list()]


class MunicipalityFilterForm(forms.Form):
    mark_optional = False
    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    county = forms.ChoiceField(label=_("County"), required=False, choices=county_choices)
