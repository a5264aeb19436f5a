"""The advisor's question, asked the same way by the page, the API and the command."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samvei.core.widgets import HtmlDateInput

from .advice import BUYERS, Advice, advice_for
from .models import Threshold

BUYER_CHOICES = [
    ("municipality", _("A municipality")),
    ("county", _("A county authority")),
    ("state", _("A state body")),
]
CATEGORY_CHOICES = [
    (Threshold.Category.GOODS_SERVICES.value, Threshold.Category.GOODS_SERVICES.label),
    (Threshold.Category.WORKS.value, Threshold.Category.WORKS.label),
    (Threshold.Category.HEALTH_SOCIAL.value, Threshold.Category.HEALTH_SOCIAL.label),
]
SUPPLIER_CHOICES = [
    ("", _("Not stated")),
    ("ideell", _("A non-profit (ideell) organisation")),
    ("work_integration", _("A work-integration enterprise")),
    ("other", _("Another kind of supplier")),
]
MAX_VALUE_NOK = 10**12  # far above any public purchase; keeps the number a number


class AdviceForm(forms.Form):
    buyer = forms.ChoiceField(label=_("Who buys"), choices=BUYER_CHOICES)
    category = forms.ChoiceField(label=_("What is bought"), choices=CATEGORY_CHOICES)
    value = forms.IntegerField(
        label=_("Estimated value over the whole term, in kroner excluding VAT"),
        min_value=0,
        max_value=MAX_VALUE_NOK,
        help_text=_("Include every option and extension. For a contract without an end, count 48 months."),
        # A text box, so that a mistyped value is shown back as typed (a number box cannot hold «abc»).
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    date = forms.DateField(label=_("When the purchase is made"), input_formats=["%Y-%m-%d"], widget=HtmlDateInput())

    supplier = forms.ChoiceField(label=_("Who would deliver"), choices=SUPPLIER_CHOICES, required=False)
    innovation = forms.BooleanField(
        label=_("No finished solution exists yet"),
        required=False,
        help_text=_("Tick if the solution must be developed or tested first, for example in a pilot."),
    )

    def threshold_buyer(self) -> str:
        return BUYERS[self.cleaned_data["buyer"]]

    def advice(self) -> Advice:
        data = self.cleaned_data
        return advice_for(
            buyer=data["buyer"],
            category=data["category"],
            value_nok=data["value"],
            day=data["date"],
            supplier=data["supplier"] or None,
            innovation=data["innovation"],
        )
