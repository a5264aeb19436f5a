from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from samvei.organisations.models import Organisation

from .models import User


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("Used for the pages you see after signing in and for e-mails we send you."),
    )


class AccountDeleteForm(forms.Form):
    """Asks for the e-mail address, so that a deletion is never one careless click."""

    email = forms.EmailField(label=_("Type your e-mail address to confirm"))

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        if email.casefold() != self.user.email.casefold():
            raise forms.ValidationError(_("This is not the e-mail address of your account."), code="mismatch")
        return email


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
