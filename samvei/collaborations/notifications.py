"""E-mails about a collaboration, to the members of both parties in each one's language."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from samvei.core.mail import link, send_templated_email
from samvei.organisations.notifications import member_addresses

from .models import CollaborationEvent
from .selectors import REMINDER_KIND, pilot_end_reminders_due


def pilot_end_reminders() -> int:
    """Tells both parties, once per end date, that the pilot ends within the notice, with a link to the record
    where the lawful routes to continue are shown. Returns the number of e-mails sent."""
    sent = 0
    for collaboration in pilot_end_reminders_due(today=timezone.localdate()):
        ends = collaboration.pilot_ends_on
        if ends is None:  # the selector only returns pilots with an end
            continue
        with transaction.atomic():
            CollaborationEvent.objects.create(
                collaboration=collaboration, kind=REMINDER_KIND, data={"date": ends.isoformat()}
            )
            recipients = {
                address: language for party in collaboration.party_ids for address, language in member_addresses(party)
            }
            sent += send_templated_email(
                template="collaborations/email/pilot_end_reminder",
                recipients=recipients.items(),
                context={"collaboration": collaboration, "url": link(collaboration)},
            )
    return sent
