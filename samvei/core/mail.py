"""E-mail from templates, rendered in each recipient's language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation


def send_templated_email(*, template: str, recipients: Iterable[tuple[str, str]], context: dict[str, object]) -> int:
    """`recipients` are (address, language) pairs; one e-mail per language, each address in its own.
    Templates are `<template>_subject.txt` and `<template>_body.txt`. Returns the number sent."""
    by_language: dict[str, list[str]] = defaultdict(list)
    for address, language in recipients:
        by_language[language or settings.LANGUAGE_CODE].append(address)
    sent = 0
    for language, addresses in by_language.items():
        with translation.override(language):
            full_context = {**context, "site_url": settings.SAMVEI_SITE_URL}
            subject = render_to_string(f"{template}_subject.txt", full_context).strip()
            body = render_to_string(f"{template}_body.txt", full_context)
        for address in addresses:
            sent += send_mail(subject, body, None, [address])
    return sent
