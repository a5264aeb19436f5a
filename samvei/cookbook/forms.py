from __future__ import annotations

from collections.abc import Set
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

from samvei.core.limits import SHORT_TEXT
from samvei.core.templatetags.content import tr
from samvei.core.validation import parse_id
from samvei.organisations.models import Organisation
from samvei.taxonomy.forms import welfare_area_choices

from .models import Comment, FundingScheme, Recipe, RecipeStep
from .selectors import moderation_queue


class CaseFilterForm(forms.Form):
    mark_optional = False

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    welfare_area = forms.ChoiceField(label=_("Welfare area"), required=False, choices=welfare_area_choices)


# Codes the filter used before applicant kinds became legal forms, so old links and saved searches keep working.
LEGACY_APPLICANT_KINDS = {"voluntary": "association", "business": "limited_company"}


class ApplicantKindField(forms.ChoiceField):
    def to_python(self, value: Any) -> str:
        code = str(super().to_python(value))
        return LEGACY_APPLICANT_KINDS.get(code, code)


class FundingFilterForm(forms.Form):
    mark_optional = False

    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    applicant_kind = ApplicantKindField(
        label=_("Legal form of the applicant"),
        required=False,
        choices=[("", _("Any legal form")), *FundingScheme.ApplicantKind.choices],
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
    body = forms.CharField(label=_("Your comment"), max_length=SHORT_TEXT, widget=forms.Textarea(attrs={"rows": 4}))
    # A field people never see: a robot that fills it in is ignored without being told.
    website = forms.CharField(required=False, label=_("Leave this field empty"))


class ChecklistForm(forms.Form):
    """The recipe's checklist: one group of checkboxes per step, named `step-<pk>`. Only the recipe's own items are
    valid choices, so an id from another recipe or a digit `int()` refuses (such as «²») gets a message."""

    def __init__(self, *args: Any, recipe: Recipe, ticked: Set[int] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.steps = list(recipe.steps.all())
        for step in self.steps:
            items = list(step.checklist.all())
            if not items:
                continue
            self.fields[f"step-{step.pk}"] = forms.TypedMultipleChoiceField(
                label=_("Checklist for «%(title)s»") % {"title": tr(step, "title")},
                required=False,
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                choices=[(item.pk, tr(item, "text")) for item in items],
                initial=[item.pk for item in items if item.pk in ticked],
                error_messages={
                    "invalid_choice": _("«%(value)s» is not an item on this checklist. Reload the page and try again.")
                },
            )

    def step_fields(self) -> list[tuple[RecipeStep, BoundField | None]]:
        """Each step with its group of checkboxes (None for a step without a checklist), in order."""
        return [(step, self[f"step-{step.pk}"] if f"step-{step.pk}" in self.fields else None) for step in self.steps]

    def done(self) -> set[int]:
        """The ids of the ticked items; call after `is_valid()`."""
        return {pk for field in self.fields for pk in self.cleaned_data.get(field, [])}


class PendingCommentField(forms.ModelChoiceField[Comment]):
    """A comment in the moderation queue, by id; text that is no database id is refused before any query."""

    def to_python(self, value: Any) -> Comment | None:
        if value in self.empty_values:
            return None
        if parse_id(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ModerationForm(forms.Form):
    """A moderator's decision on one comment still waiting in the queue. The decision comes from the button."""

    comment = PendingCommentField(
        label=_("Comment"),
        queryset=Comment.objects.none(),
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose a comment from the queue."),
            "invalid_choice": _("That comment is not waiting for moderation. It may already be moderated."),
        },
    )
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("reject", _("Reject"))],
        widget=forms.HiddenInput,
        error_messages={
            "required": _("Choose Approve or Reject."),
            "invalid_choice": _("Choose Approve or Reject."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comment"].queryset = moderation_queue()  # type: ignore[attr-defined]
