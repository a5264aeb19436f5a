"""The advisor's question, asked the same way by the page, the API and the command."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Threshold

BUYERS = {
    "municipality": Threshold.Buyer.SUB_CENTRAL,
    "county": Threshold.Buyer.SUB_CENTRAL,
    "state": Threshold.Buyer.STATE,
}
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
MAX_VALUE_NOK = 10**12  # far above any public purchase; keeps the number a number


class AdviceForm(forms.Form):
    buyer = forms.ChoiceField(label=_("Who buys"), choices=BUYER_CHOICES)
    category = forms.ChoiceField(label=_("What is bought"), choices=CATEGORY_CHOICES)
    value = forms.IntegerField(
        label=_("Estimated value over the whole term, in kroner excluding VAT"),
        min_value=0,
        max_value=MAX_VALUE_NOK,
        help_text=_("Include every option and extension. For a contract without an end, count 48 months."),
    )
    date = forms.DateField(label=_("When the purchase is made"), input_formats=["%Y-%m-%d"])

    def threshold_buyer(self) -> str:
        return BUYERS[self.cleaned_data["buyer"]]
