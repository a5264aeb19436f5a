"""Which template a draft uses: the newest version in force on the day for the collaboration's form, else the
generic one in force that day."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from samvei.collaborations.models import Collaboration

from .models import GENERIC, AgreementDraftEvent, AgreementTemplate


def _in_force(*, route_key: str, day: date) -> AgreementTemplate | None:
    return (
        AgreementTemplate.objects.select_related("source")
        .filter(route_key=route_key, effective_from__lte=day)
        .filter(Q(effective_to__isnull=True) | Q(effective_to__gt=day))
        .order_by("-version", "-effective_from", "-pk")
        .first()
    )


def agreement_template_in_force(*, route_key: str | None, day: date) -> AgreementTemplate | None:
    """None only when not even a generic template is in force on `day`."""
    found = _in_force(route_key=route_key, day=day) if route_key else None
    return found or _in_force(route_key=GENERIC, day=day)


def agreement_template_for(*, collaboration: Collaboration, day: date) -> AgreementTemplate | None:
    form = collaboration.form
    return agreement_template_in_force(route_key=form.key if form else None, day=day)


def collaboration_for_drafting(*, pk: int) -> Collaboration | None:
    return (
        Collaboration.objects.select_related("public_body", "partner", "form")
        .prefetch_related("milestones__owner")
        .filter(pk=pk)
        .first()
    )


def draft_events_for(*, collaboration: Collaboration) -> list[AgreementDraftEvent]:
    return list(
        AgreementDraftEvent.objects.filter(collaboration=collaboration)
        .select_related("actor")
        .order_by("-created_at", "-pk")
    )
