"""allauth's hooks for Samvei. Its e-mails greet from «Samvei», not from a host name, and link to the one site
address (samvei.core.mail.site_url); its messages are in our own words, because its bokmål reads as translated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.utils.translation import gettext_lazy as _

from samvei.core.mail import site_url

SITE_NAME = "Samvei"
# The addresses allauth builds from the request for its e-mails (confirm, reset, sign up).
URL_KEYS = ("activate_url", "password_reset_url", "signup_url")


@dataclass(frozen=True)
class Site:
    """What allauth's templates read from `current_site`."""

    name: str
    domain: str


def on_site(url: str, base: str) -> str:
    """`url` moved to the site address `base`, keeping its path and query."""
    parts = urlsplit(url)
    return base + urlunsplit(("", "", parts.path, parts.query, parts.fragment))


class AccountAdapter(DefaultAccountAdapter):  # type: ignore[misc]
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "account_inactive": _("This account is closed."),
        "cannot_remove_primary_email": _("You cannot remove your main address."),
        "duplicate_email": _("This address is already on your account."),
        "email_password_mismatch": _("The e-mail address or the password is wrong."),
        "email_taken": _("There is already an account with this e-mail address."),
        "enter_current_password": _("Type the password you use now."),
        "incorrect_password": _("The password is wrong."),
        "invalid_password_reset": _("The link for a new password is not valid."),
        "rate_limited": _("You have tried many times in a short while. Wait a few minutes and try again."),
        "too_many_login_attempts": _("Too many failed attempts to sign in. Wait a few minutes and try again."),
        "unknown_email": _("No account has this e-mail address."),
        "unverified_primary_email": _("Your main address must be confirmed first."),
    }

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        base = site_url(allauth_context.request)
        context = {
            **context,
            "current_site": Site(name=SITE_NAME, domain=urlsplit(base).netloc),
            "site_name": SITE_NAME,
            "site_url": base,
        }
        for key in URL_KEYS:
            if context.get(key):
                context[key] = on_site(context[key], base)
        super().send_mail(template_prefix, email, context)
