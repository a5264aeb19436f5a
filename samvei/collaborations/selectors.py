from __future__ import annotations

from django.db.models import Q, QuerySet

from samvei.accounts.models import User

from .models import Collaboration


def collaborations_for(*, user: User) -> QuerySet[Collaboration]:
    organisation_ids = list(user.memberships.values_list("organisation_id", flat=True))
    return (
        Collaboration.objects.filter(Q(public_body_id__in=organisation_ids) | Q(partner_id__in=organisation_ids))
        .select_related("public_body", "partner", "challenge", "pitch")
        .order_by("-created_at")
    )
