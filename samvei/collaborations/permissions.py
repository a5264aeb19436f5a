from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from samvei.accounts.models import User
from samvei.organisations.models import Membership

from .models import Collaboration


def can_view_collaboration(*, user: User | AnonymousUser, collaboration: Collaboration) -> bool:
    """The two parties, and platform staff who follow up collaborations."""
    if not user.is_authenticated:
        return False
    return (
        user.is_staff
        or Membership.objects.filter(
            user=user, organisation_id__in=[collaboration.public_body_id, collaboration.partner_id]
        ).exists()
    )
