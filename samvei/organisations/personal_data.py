from __future__ import annotations

from typing import Any

from samvei.accounts.models import User

from .models import Claim, Invitation, Membership, OrganisationEvent


def export_for(user: User) -> dict[str, Any]:
    """What the directory holds about one person: whom they act for, what they asked for, what they did."""
    return {
        "memberships": [
            {"organisation": m.organisation.name, "role": m.role, "since": m.created_at.isoformat()}
            for m in Membership.objects.filter(user=user).select_related("organisation")
        ],
        "claims": [
            {
                "organisation": c.organisation.name,
                "message": c.message,
                "status": c.status,
                "submitted": c.created_at.isoformat(),
            }
            for c in Claim.objects.filter(user=user).select_related("organisation")
        ],
        "invitations_received": [
            {"organisation": i.organisation.name, "role": i.role, "sent": i.created_at.isoformat()}
            for i in Invitation.objects.filter(email__iexact=user.email).select_related("organisation")
        ],
        "actions": [
            {"organisation": e.organisation.name, "kind": e.kind, "at": e.created_at.isoformat()}
            for e in OrganisationEvent.objects.filter(actor=user).select_related("organisation")
        ],
    }
