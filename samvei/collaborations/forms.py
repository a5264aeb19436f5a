from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samvei.accounts.models import User
from samvei.challenges.forms import attachments_field
from samvei.core.limits import TITLE
from samvei.core.widgets import HtmlDateInput
from samvei.organisations.models import Organisation
from samvei.organisations.selectors import organisations_of
from samvei.procurement.forms import BUYER_CHOICES, MAX_VALUE_NOK, SUPPLIER_CHOICES
from samvei.procurement.models import Route

from .models import Collaboration
from .selectors import collaboration_form_choices, partner_choices
from .services import AdviceQuestion

ADVICE_FIELDS = ("buyer", "category", "value", "date")


class RouteChoiceField(forms.ModelChoiceField[Route]):
    def label_from_instance(self, obj: Route) -> str:
        return obj.name


def form_field() -> RouteChoiceField:
    return RouteChoiceField(
        label=_("Collaboration form"),
        queryset=collaboration_form_choices(),
        to_field_name="key",
        required=False,
        empty_label=_("Not chosen yet"),
    )


class AdviceFields(forms.Form):
    """The advisor's question about this collaboration: who buys, what, for how much, on which day."""

    buyer = forms.ChoiceField(label=_("Who buys"), choices=BUYER_CHOICES)
    category = forms.ChoiceField(label=_("Kind of purchase"), choices=Collaboration.Category.choices)
    value = forms.IntegerField(
        label=_("Expected value of continuing (NOK excluding VAT)"),
        min_value=0,
        max_value=MAX_VALUE_NOK,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    date = forms.DateField(label=_("Date the advice speaks of"), widget=HtmlDateInput())
    supplier = forms.ChoiceField(label=_("Kind of supplier"), choices=SUPPLIER_CHOICES, required=False)
    innovation = forms.BooleanField(label=_("No solution exists yet (new solution, pilot or R&D)"), required=False)

    def question(self) -> AdviceQuestion | None:
        """None when the four fields the advisor needs are not all given (the start form makes them optional)."""
        if any(self.cleaned_data.get(name) in (None, "") for name in ADVICE_FIELDS):
            return None
        return self.complete_question()

    def complete_question(self) -> AdviceQuestion:
        data = self.cleaned_data
        return AdviceQuestion(
            buyer=data["buyer"],
            category=data["category"],
            value_nok=data["value"],
            day=data["date"],
            supplier=data.get("supplier") or None,
            innovation=bool(data.get("innovation")),
        )


class AdviceForm(AdviceFields):
    prefix = "advice"


class CollaborationStartForm(AdviceFields):
    """Start a record without a pitch. The advisor hands over its question as GET parameters (form, buyer,
    category, value, date), which become the initial values; the advice is then stored with the record."""

    organisation = forms.ModelChoiceField(label=_("On behalf of"), queryset=Organisation.objects.none())
    partner = forms.ModelChoiceField(
        label=_("Work with"),
        queryset=partner_choices(),
        help_text=_("One of the two must be a public body."),
    )
    title = forms.CharField(label=_("Title"), max_length=TITLE)
    form = form_field()

    field_order = ["organisation", "partner", "title", "form", *ADVICE_FIELDS, "supplier", "innovation"]

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.fields["organisation"]
        organisation.queryset = organisations_of(user=user)  # type: ignore[attr-defined]
        own = list(organisation.queryset[:2])  # type: ignore[attr-defined]
        if len(own) == 1:  # one organisation: nothing to choose
            organisation.initial = own[0].pk
        for name in ADVICE_FIELDS:
            self.fields[name].required = False
        self.fields["category"].choices = [("", _("Not stated")), *Collaboration.Category.choices]  # type: ignore[attr-defined]
        self.fields["buyer"].choices = [("", _("Not stated")), *BUYER_CHOICES]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [name for name in ADVICE_FIELDS if data.get(name) not in (None, "")]
        if given and len(given) < len(ADVICE_FIELDS):
            for name in ADVICE_FIELDS:
                if name not in given and name not in self.errors:
                    self.add_error(name, _("Fill in all four to record the advice, or leave all four empty."))
        if data.get("organisation") and data.get("organisation") == data.get("partner"):
            self.add_error("partner", _("Choose another organisation than your own."))
        return data


def initial_from_advisor(params: Any) -> dict[str, Any]:
    """The advisor's handover: only the keys it sends, as given; the form judges them when it is submitted."""
    mapping = {"form": "form", "buyer": "buyer", "category": "category", "value": "value", "date": "date"}
    initial = {field: params.get(key) for key, field in mapping.items() if params.get(key)}
    for flag in ("supplier", "innovation"):
        if params.get(flag):
            initial[flag] = params.get(flag) if flag == "supplier" else params.get(flag) in ("1", "true", "on")
    return initial


class StageForm(forms.Form):
    prefix = "stage"
    stage = forms.ChoiceField(label=_("Stage"), choices=Collaboration.Stage.choices)


class PlanForm(forms.Form):
    prefix = "plan"
    form = form_field()
    pilot_ends_on = forms.DateField(label=_("The pilot ends on"), required=False, widget=HtmlDateInput())


class MilestoneForm(forms.Form):
    prefix = "milestone"
    title = forms.CharField(label=_("Milestone"), max_length=TITLE)
    due_on = forms.DateField(label=_("Due on"), widget=HtmlDateInput())
    owner = forms.ModelChoiceField(label=_("Responsible"), queryset=Organisation.objects.none())

    def __init__(self, *args: Any, collaboration: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        owner.queryset = Organisation.objects.filter(pk__in=collaboration.party_ids).order_by("name")  # type: ignore[attr-defined]

    def clean_due_on(self) -> Any:
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the past."), code="past")
        return due_on


class DocumentForm(forms.Form):
    prefix = "document"
    attachments = attachments_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["attachments"].label = _("Documents")
        self.fields["attachments"].required = True
