from __future__ import annotations

from typing import Any

from django import forms
from django.forms.boundfield import BoundWidget
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samvei.accounts.models import User
from samvei.core.forms import checkboxes
from samvei.core.limits import LONG_TEXT, SHORT_TEXT, TITLE
from samvei.core.widgets import HtmlDateInput
from samvei.geography.forms import county_choices, municipality_choices
from samvei.organisations.models import ContactPoint, Organisation
from samvei.organisations.selectors import pitching_organisations_of
from samvei.procurement.models import Route
from samvei.taxonomy.forms import target_group_choices, welfare_area_choices
from samvei.taxonomy.models import TargetGroup, WelfareArea

from .intents import HINTS
from .models import Challenge, Pitch


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once; their content is checked by the service before anything is stored."""

    widget = MultipleFileInput(attrs={"accept": ".pdf,.docx,.odt,.png,.jpg,.jpeg"})

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        files = data if isinstance(data, list | tuple) else [data]
        return [super(AttachmentsField, self).clean(file, initial) for file in files if file]


def attachments_field() -> AttachmentsField:
    return AttachmentsField(
        label=_("Attachments"),
        required=False,
        help_text=_("PDF, Word (DOCX), OpenDocument text (ODT), PNG or JPEG; at most 10 MB each."),
    )


class ChallengeFilterForm(forms.Form):
    mark_optional = False

    q = forms.CharField(label=_("Search"), max_length=TITLE, required=False)
    county = forms.ChoiceField(label=_("County"), required=False, choices=county_choices)
    municipality = forms.ChoiceField(label=_("Municipality"), required=False, choices=municipality_choices)
    welfare_area = forms.ChoiceField(label=_("Welfare area"), required=False, choices=welfare_area_choices)
    target_group = forms.ChoiceField(label=_("Target group"), required=False, choices=target_group_choices)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses"))] + [(s, Challenge.Status(s).label) for s in Challenge.PUBLIC_STATUSES],
    )
    deadline_from = forms.DateField(label=_("Deadline on or after"), required=False, widget=HtmlDateInput())
    intent = forms.ChoiceField(
        label=_("What the challenge is"), required=False, choices=[("", _("All types")), *Challenge.Intent.choices]
    )


class RouteChoiceField(forms.ModelMultipleChoiceField[Route]):
    """Collaboration forms as checkboxes named in the visitor's language, submitted as their stable keys."""

    def label_from_instance(self, obj: Route) -> str:
        return obj.name


class ChallengeForm(forms.ModelForm[Challenge]):
    welfare_areas = checkboxes(label=_("Welfare areas"), queryset=WelfareArea.objects.all(), key="code")
    target_groups = checkboxes(label=_("Target groups"), queryset=TargetGroup.objects.all(), key="code")
    intent = forms.ChoiceField(
        label=_("What the challenge is"),
        choices=Challenge.Intent.choices,
        widget=forms.RadioSelect,
        help_text=_("Say it plainly, so nobody answers expecting something else."),
        error_messages={"required": _("Choose what the challenge is.")},
    )
    open_forms = RouteChoiceField(
        label=_("Collaboration forms you are open to"),
        queryset=Route.objects.filter(kind=Route.Kind.FORM),
        to_field_name="key",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Optional. Each form is explained in the catalogue of collaboration forms."),
    )
    attachments = attachments_field()

    class Meta:
        model = Challenge
        fields = list(Challenge.EDITABLE_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "affected": forms.Textarea(attrs={"rows": 3}),
            "tried": forms.Textarea(attrs={"rows": 3}),
            "desired_outcomes": forms.Textarea(attrs={"rows": 3}),
            "offer": forms.Textarea(attrs={"rows": 3}),
            "timeline": forms.Textarea(attrs={"rows": 2}),
            "deadline": HtmlDateInput(),
        }

    def __init__(self, *args: Any, owner: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        contact = self.fields["contact_point"]
        contact.queryset = ContactPoint.objects.filter(organisation=owner)  # type: ignore[attr-defined]

    def intent_options(self) -> list[tuple[BoundWidget, Promise]]:
        """Each intent's radio button with the hint shown beside it."""
        return [(option, HINTS[option.data["value"]]) for option in self["intent"]]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        low, high = data.get("funding_min_nok"), data.get("funding_max_nok")
        if low is not None and high is not None and low > high:
            self.add_error("funding_max_nok", _("The upper limit must be at least the lower limit."))
        return data


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(choices=Challenge.Status.choices)


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"),
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The answer is published here for everyone, without your name."),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 3}))


class PitchForm(forms.ModelForm[Pitch]):
    sender = forms.ModelChoiceField(label=_("Send as"), queryset=Organisation.objects.none(), empty_label=None)
    attachments = attachments_field()

    class Meta:
        model = Pitch
        fields = ["sender", "title", "summary", "approach", "expected_effects", "cost_estimate"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "approach": forms.Textarea(attrs={"rows": 6}),
            "expected_effects": forms.Textarea(attrs={"rows": 3}),
            "cost_estimate": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sender = self.fields["sender"]
        sender.queryset = pitching_organisations_of(user=user)  # type: ignore[attr-defined]


class PitchStatusForm(forms.Form):
    to_status = forms.ChoiceField(
        label=_("Mark the pitch as"),
        choices=[
            (s, Pitch.Status(s).label) for s in (Pitch.Status.RECEIVED, Pitch.Status.IN_DIALOGUE, Pitch.Status.DECLINED)
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason (required when declining; sent to the entrepreneur)"),
        max_length=SHORT_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 4}))


class SavedSearchForm(forms.Form):
    name = forms.CharField(label=_("Name of the search"), max_length=100)
