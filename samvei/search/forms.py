from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samvei.geography.forms import county_choices
from samvei.taxonomy.forms import welfare_area_choices

from .registry import providers
from .text import MAX_QUERY_LENGTH


def kind_choices() -> list[tuple[str, str]]:
    return [("", str(_("Everything")))] + [(kind, str(p.label)) for kind, p in providers().items()]


class SearchForm(forms.Form):
    mark_optional = False

    q = forms.CharField(label=_("Search for"), max_length=MAX_QUERY_LENGTH, required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False, choices=kind_choices)
    welfare_area = forms.ChoiceField(label=_("Welfare area"), required=False, choices=welfare_area_choices)
    county = forms.ChoiceField(label=_("County"), required=False, choices=county_choices)
