"""Forms for the logic model: a stakeholder, and one entry at one level."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from samvei.collaborations.models import Collaboration
from samvei.core.limits import SHORT_TEXT, TITLE

from ..models import LogicModelEntry, Stakeholder
from ..selectors.logic import stakeholders_of


class StakeholderForm(forms.Form):
    prefix = "stakeholder"
    name = forms.CharField(label=_("Stakeholder"), max_length=TITLE, help_text=_("Who changes, or who decides."))
    involvement = forms.CharField(
        label=_("How they are involved"),
        max_length=SHORT_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: interviewed before and after, or on the steering group."),
    )


class LogicEntryForm(forms.Form):
    prefix = "entry"
    level = forms.ChoiceField(label=_("Level"), choices=LogicModelEntry.Level.choices)
    text = forms.CharField(label=_("Description"), max_length=SHORT_TEXT, widget=forms.Textarea(attrs={"rows": 3}))
    stakeholder = forms.ModelChoiceField(
        label=_("Stakeholder"),
        queryset=Stakeholder.objects.none(),
        required=False,
        empty_label=_("None in particular"),
    )

    def __init__(self, *args: Any, collaboration: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        stakeholder = cast(forms.ModelChoiceField[Stakeholder], self.fields["stakeholder"])
        stakeholder.queryset = stakeholders_of(collaboration=collaboration)
