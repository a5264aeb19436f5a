from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .selectors import county_list


class MunicipalityFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), max_length=100, required=False)
    county = forms.ChoiceField(label=_("County"), required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        county_field = self.fields["county"]
        assert isinstance(county_field, forms.ChoiceField)
        county_field.choices = [("", _("All counties"))] + [
            (county.number, county.name) for county in county_list()
        ]
