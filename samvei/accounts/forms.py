from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

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
