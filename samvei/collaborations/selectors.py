from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet

from samvei.accounts.models import User
from samvei.organisations.models import Organisation
from samvei.procurement.models import Route

from .models import Collaboration, CollaborationDocument, CollaborationEvent, Milestone

# The parties hear about the end of a pilot this long before it, and the page shows the routes to continue from
# then on: time enough to prepare a lawful procurement (issue 13).
CONTINUE_NOTICE = timedelta(days=60)
REMINDER_KIND = "pilot_end_reminder_sent"


def collaborations_for(*, user: User) -> QuerySet[Collaboration]:
    organisation_ids = list(user.memberships.values_list("organisation_id", flat=True))
    return (
        Collaboration.objects.filter(Q(public_body_id__in=organisation_ids) | Q(partner_id__in=organisation_ids))
        .select_related("public_body", "partner", "challenge", "pitch")
        .order_by("-created_at")
    )


def collaboration_get(*, pk: int) -> Collaboration | None:
    return (
        Collaboration.objects.select_related("public_body", "partner", "pitch", "challenge", "form")
        .filter(pk=pk)
        .first()
    )


def collaboration_events(*, collaboration: Collaboration) -> QuerySet[CollaborationEvent]:
    return collaboration.events.select_related("actor", "organisation")


def collaboration_milestones(*, collaboration: Collaboration) -> QuerySet[Milestone]:
    return collaboration.milestones.select_related("owner")


def collaboration_documents(*, collaboration: Collaboration) -> QuerySet[CollaborationDocument]:
    return collaboration.documents.all()


def document_get(*, token: str) -> CollaborationDocument | None:
    return CollaborationDocument.objects.select_related("collaboration").filter(token=token).first()


def collaboration_form_choices() -> QuerySet[Route]:
    """Every collaboration form the booklet names; a record keeps a form even after the law moves on."""
    return Route.objects.filter(kind=Route.Kind.FORM).order_by("order", "key")


def partner_choices() -> QuerySet[Organisation]:
    return Organisation.objects.order_by("name")


def continue_notice_due(*, collaboration: Collaboration, today: date) -> bool:
    """The pilot ends within the notice, or has ended: time to choose how to continue."""
    return collaboration.pilot_ends_on is not None and collaboration.pilot_ends_on <= today + CONTINUE_NOTICE


def pilot_end_reminders_due(*, today: date) -> list[Collaboration]:
    """Pilots that end within the notice and have not ended, whose parties were not yet reminded of that end
    (a pilot moved to another day is reminded again, of the new day)."""
    candidates = (
        Collaboration.objects.filter(pilot_ends_on__gte=today, pilot_ends_on__lte=today + CONTINUE_NOTICE)
        .exclude(stage__in=[Collaboration.Stage.EVALUATED, Collaboration.Stage.ENDED])
        .select_related("public_body", "partner")
        .prefetch_related(Prefetch("events", queryset=CollaborationEvent.objects.filter(kind=REMINDER_KIND)))
        .order_by("pilot_ends_on", "pk")
    )
    return [
        collaboration
        for collaboration in candidates
        if collaboration.pilot_ends_on is not None
        and all(
            event.data.get("date") != collaboration.pilot_ends_on.isoformat() for event in collaboration.events.all()
        )
    ]
