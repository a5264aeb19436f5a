from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from django.db.models import Q, QuerySet

from samvei.accounts.models import User
from samvei.core.models import published
from samvei.organisations.models import ContactPoint, Organisation
from samvei.organisations.notifications import member_addresses

from .models import Challenge, Pitch, Question


@dataclass(frozen=True)
class ChallengeFilters:
    county: str | None = None
    municipality: str | None = None
    welfare_area: str | None = None
    target_group: str | None = None
    status: str | None = None
    deadline_from: date | None = None
    intent: str | None = None
    q: str = ""

    def as_query(self) -> dict[str, str]:
        """The filters that are set, as strings: what a saved search stores."""
        return {key: str(value) for key, value in asdict(self).items() if value}

    @classmethod
    def from_query(cls, query: dict[str, Any]) -> ChallengeFilters:
        values = {key: value for key, value in query.items() if key in cls.__dataclass_fields__}
        if values.get("deadline_from"):
            values["deadline_from"] = date.fromisoformat(values["deadline_from"])
        return cls(**values)


def challenge_list(*, filters: ChallengeFilters) -> QuerySet[Challenge]:
    """Published challenges only (drafts and withdrawn challenges are never listed): real ones first, then the
    fictional examples, each newest first, so an example never pushes a real need down the list."""
    challenges = published(Challenge.objects.all())
    if filters.status:
        challenges = challenges.filter(status=filters.status)
    if filters.county:
        challenges = challenges.filter(
            Q(municipality__county__number=filters.county) | Q(owner__county__number=filters.county)
        )
    if filters.municipality:
        challenges = challenges.filter(municipality__number=filters.municipality)
    if filters.welfare_area:
        challenges = challenges.filter(welfare_areas__code=filters.welfare_area)
    if filters.target_group:
        challenges = challenges.filter(target_groups__code=filters.target_group)
    if filters.deadline_from:
        challenges = challenges.filter(deadline__gte=filters.deadline_from)
    if filters.intent:
        challenges = challenges.filter(intent=filters.intent)
    for word in filters.q.casefold().split():
        challenges = challenges.filter(search_text__contains=word)
    return (
        Challenge.objects.filter(pk__in=challenges.values("pk"))
        .select_related("owner", "municipality__county")
        .prefetch_related("welfare_areas", "target_groups", "open_forms")
        .order_by("is_example", "-published_at", "-pk")
    )


def challenge_matches(*, challenge: Challenge, filters: ChallengeFilters) -> bool:
    return challenge_list(filters=filters).filter(pk=challenge.pk).exists()


def answered_questions(*, challenge: Challenge) -> QuerySet[Question]:
    return challenge.questions.exclude(answer="").order_by("answered_at")


def pitches_for(*, user: User) -> QuerySet[Pitch]:
    """Every pitch the user may see: sent or received by an organisation they belong to."""
    organisation_ids = list(user.memberships.values_list("organisation_id", flat=True))
    return (
        Pitch.objects.filter(Q(sender_id__in=organisation_ids) | Q(receiver_id__in=organisation_ids))
        .select_related("sender", "receiver", "challenge")
        .order_by("-created_at")
    )


def pitch_get(*, pk: int) -> Pitch | None:
    return Pitch.objects.select_related("sender", "receiver", "challenge", "contact_point").filter(pk=pk).first()


@dataclass(frozen=True)
class Recipients:
    """Who reads a pitch or idea sent now: the receiver's members on Samvei and a real contact point."""

    receiver: Organisation
    members: int
    contact_point: ContactPoint | None = None
    member_addresses: list[tuple[str, str]] = field(default_factory=list, repr=False)

    @property
    def anyone(self) -> bool:
        return self.members > 0 or self.contact_point is not None


def recipients_for(*, receiver: Organisation, contact_point: ContactPoint | None = None) -> Recipients:
    """Example contact points carry made-up addresses, so they receive nothing; only active users count."""
    addresses = member_addresses(receiver.pk)
    point = contact_point if contact_point is not None and not contact_point.is_example else None
    return Recipients(receiver=receiver, members=len(addresses), contact_point=point, member_addresses=addresses)


def waiting_pitches() -> QuerySet[Pitch]:
    """Pitches and ideas nobody could receive yet, oldest first; staff see who waits, never what was written."""
    return (
        Pitch.objects.filter(delivered_at__isnull=True)
        .select_related("sender", "receiver__municipality", "challenge")
        .order_by("created_at")
    )
