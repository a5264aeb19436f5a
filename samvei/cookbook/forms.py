from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samvei.organisations.models import Organisation
from samvei.taxonomy.forms import welfare_area_choices

from .models import FundingScheme


class CaseFilterForm(forms.Form):
    mark_optional = False

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    welfare_area = forms.ChoiceField(label=_("Welfare area"), required=False, choices=welfare_area_choices)


class FundingFilterForm(forms.Form):
    mark_optional = False

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    applicant_kind = forms.ChoiceField(
        label=_("Who may apply"),
        required=False,
        choices=[("", _("Everyone")), *FundingScheme.ApplicantKind.choices],
    )
    welfare_area = forms.ChoiceField(label=_("Welfare area"), required=False, choices=welfare_area_choices)


class OrganisationChoiceForm(forms.Form):
    """Which of the user's organisations a tick or a follow is for."""

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("For organisation"), queryset=Organisation.objects.none(), empty_label=None
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]


class CommentForm(forms.Form):
    body = forms.CharField(label=_("Your comment"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4}))
    # A field people never see: a robot that fills it in is ignored without being told.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
