"""allauth's forms with our own labels: its bokmål («Nytt passord (igjen)», «Nåværende passord») reads as
translated. Everything else, validation included, is allauth's (ACCOUNT_FORMS in the settings)."""

from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from django import forms
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise


def _relabel(form: forms.Form, name: str, label: StrPromise) -> None:
    """The label and the placeholder allauth repeats it in."""
    field = form.fields[name]
    field.label = label
    if "placeholder" in field.widget.attrs:
        field.widget.attrs["placeholder"] = label


class LoginForm(allauth_forms.LoginForm):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, "login", _("E-mail address"))


class SignupForm(allauth_forms.SignupForm):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, "email", _("E-mail address"))
        _relabel(self, "password2", _("Repeat the password"))


class ChangePasswordForm(allauth_forms.ChangePasswordForm):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, "oldpassword", _("The password you use now"))
        _relabel(self, "password2", _("Repeat the new password"))


class ResetPasswordKeyForm(allauth_forms.ResetPasswordKeyForm):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, "password2", _("Repeat the new password"))


class SetPasswordForm(allauth_forms.SetPasswordForm):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _relabel(self, "password2", _("Repeat the password"))
