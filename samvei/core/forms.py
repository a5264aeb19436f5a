"""Form fields shared by the apps."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.forms.boundfield import BoundField
from django.utils.functional import Promise

from .widgets import FilterableCheckboxes


class ChosenBoundField(BoundField):
    @cached_property
    def chosen_count(self) -> int:
        """How many options are ticked: unlike the submitted values, an unknown value is not counted."""
        return sum(1 for option in self.subwidgets if option.data["selected"])


class FilterableChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """A long multiple choice: filterable checkboxes (`FilterableCheckboxes`) with a count of the chosen ones."""

    def __init__(self, *, filter_label: str | Promise, **kwargs: Any) -> None:
        super().__init__(widget=FilterableCheckboxes(filter_label=filter_label), **kwargs)

    def get_bound_field(self, form: forms.BaseForm, field_name: str) -> BoundField:
        return ChosenBoundField(form, self, field_name)


def checkboxes(
    *,
    label: str | Promise,
    queryset: QuerySet[Any],
    key: str,
    filter_label: str | Promise | None = None,
    help_text: str | Promise = "",
) -> forms.ModelMultipleChoiceField[Any]:
    """Optional multiple choice shown as checkboxes, submitted as stable codes rather than database ids.

    Give `filter_label` when the list is long: the checkboxes then get a text filter and a count of the chosen."""
    options: dict[str, Any] = {"label": label, "queryset": queryset, "required": False, "help_text": help_text}
    if filter_label is not None:
        return FilterableChoiceField(filter_label=filter_label, to_field_name=key, **options)
    return forms.ModelMultipleChoiceField(widget=forms.CheckboxSelectMultiple, to_field_name=key, **options)
