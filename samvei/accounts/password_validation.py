"""Django's password rules with our own wording: Django 5.2 changed the «too short» message and its bokmål
catalogue still has the old one, so it showed in English, and the other rules read as translated."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return ngettext(
            "The password is too short. Use at least %(count)d character.",
            "The password is too short. Use at least %(count)d characters.",
            self.min_length,
        ) % {"count": self.min_length}

    def get_help_text(self) -> str:
        return ngettext("Use at least %(count)d character.", "Use at least %(count)d characters.", self.min_length) % {
            "count": self.min_length
        }


class UserAttributeSimilarityValidator(password_validation.UserAttributeSimilarityValidator):
    def get_error_message(self) -> str:
        return _("The password resembles your e-mail address or your name too closely.")

    def get_help_text(self) -> str:
        return _("It must not resemble your e-mail address or your name.")


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    def get_error_message(self) -> str:
        return _("The password is one of the most common passwords. Choose another.")

    def get_help_text(self) -> str:
        return _("It must not be a common password.")


class NumericPasswordValidator(password_validation.NumericPasswordValidator):
    def get_error_message(self) -> str:
        return _("The password cannot be only digits.")

    def get_help_text(self) -> str:
        return _("It cannot be only digits.")
