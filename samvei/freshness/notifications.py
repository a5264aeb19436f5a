"""The weekly e-mail to staff: how many facts are due for a check against their sources, by kind."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from samvei.core.mail import absolute, send_templated_email
from samvei.organisations.notifications import staff_addresses

from .selectors import by_kind, rechecks_due


def recheck_list() -> int:
    """Sends nothing when nothing is due. Returns the number of e-mails sent."""
    due = rechecks_due(today=timezone.localdate())
    if not due:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        url = absolute(reverse("freshness:list"))
    counts = [(label, len(rows)) for label, rows in by_kind(due).items()]
    return send_templated_email(
        template="freshness/email/recheck_list",
        recipients=staff_addresses(),
        context={"count": len(due), "counts": counts, "url": url},
    )
