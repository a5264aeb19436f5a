"""E-mail from templates, rendered in each recipient's language, and the one rule for the site's address in them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation


def site_url(request: HttpRequest | None = None) -> str:
    """The address people reach this instance at, without a trailing slash: SAMVEI_SITE_URL when it is set,
    else the address the request came to (sign-up mails are sent while answering one), else this machine at
    PORT (the background worker has no request; `make run` and `make serve` export PORT to it)."""
    if settings.SAMVEI_SITE_URL:
        return str(settings.SAMVEI_SITE_URL).rstrip("/")
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return f"http://127.0.0.1:{settings.SAMVEI_PORT}"


def absolute(path: str, request: HttpRequest | None = None) -> str:
    return site_url(request) + path


def link(obj: Any, request: HttpRequest | None = None) -> str:
    """The full address of an object's page in the default language, for e-mails in any language."""
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(obj.get_absolute_url(), request)


def send_templated_email(*, template: str, recipients: Iterable[tuple[str, str]], context: dict[str, object]) -> int:
    """`recipients` are (address, language) pairs; one e-mail per language, each address in its own.
    Templates are `<template>_subject.txt` and `<template>_body.txt`. Returns the number sent."""
    by_language: dict[str, list[str]] = defaultdict(list)
    for address, language in recipients:
        by_language[language or settings.LANGUAGE_CODE].append(address)
    sent = 0
    for language, addresses in by_language.items():
        with translation.override(language):
            full_context = {**context, "site_url": site_url()}
            subject = render_to_string(f"{template}_subject.txt", full_context).strip()
            body = render_to_string(f"{template}_body.txt", full_context)
        for address in addresses:
            sent += send_mail(subject, body, None, [address])
    return sent
