"""Render Django form fields with Digdir's design-system markup and the ARIA links screen readers need."""

from __future__ import annotations

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.filter
def field_kind(field: BoundField) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        return "choices"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


def described_by(field: BoundField) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-help")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def ds_widget(field: BoundField) -> SafeString:
    attrs: dict[str, str | bool] = {"class": "ds-input"}
    if description := described_by(field):
        attrs["aria-describedby"] = description
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def aria_described_by(field: BoundField) -> str:
    return described_by(field)
