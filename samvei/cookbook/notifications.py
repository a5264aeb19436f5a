from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from samvei.core.mail import absolute, link, send_templated_email
from samvei.organisations.notifications import member_addresses, staff_addresses

from .models import Comment
from .selectors import funding_reminders_due


def comment_awaits_moderation(*, comment_id: int) -> None:
    comment = Comment.objects.select_related("post").get(pk=comment_id)
    with translation.override(settings.LANGUAGE_CODE):
        url = absolute(reverse("cookbook:moderation"))
    send_templated_email(
        template="cookbook/email/comment_awaits_moderation",
        recipients=staff_addresses(),
        context={"comment": comment, "url": url},
    )


def funding_reminders() -> int:
    sent = 0
    for follow in funding_reminders_due():
        url = link(follow.scheme)
        sent += send_templated_email(
            template="cookbook/email/funding_reminder",
            recipients=member_addresses(follow.organisation_id),
            context={"scheme": follow.scheme, "organisation": follow.organisation, "url": url},
        )
        follow.reminded_for = follow.scheme.next_deadline
        follow.save(update_fields=["reminded_for", "updated_at"])
    return sent
