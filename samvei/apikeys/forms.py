from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samvei.organisations.models import Organisation


class ApiTokenForm(forms.Form):
    """The organisations offered are the person's own; a crafted choice of another is refused by the field."""

    name = forms.CharField(
        label=_("Name of the key"),
        max_length=100,
        help_text=_("Say what uses it, for example «Case system, health and care»."),
    )
    organisation = forms.ModelChoiceField(label=_("Writes for"), queryset=Organisation.objects.none(), empty_label=None)

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 - narrows the type for mypy
        field.queryset = organisations
