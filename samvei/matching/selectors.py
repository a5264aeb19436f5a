"""Recommendations: organisations for a challenge and open challenges for an organisation, with reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import Model, QuerySet

from samvei.accounts.models import User
from samvei.challenges.models import Challenge
from samvei.geography.selectors import county_list, municipality_list
from samvei.organisations.models import Organisation
from samvei.taxonomy.selectors import target_group_list, welfare_area_list

from .index import current_index
from .profiles import challenge_profile, organisation_profile
from .scoring import Names, Profile, rank
from .services import matchable_organisations, query_vector

T = TypeVar("T", bound=Model)


@dataclass(frozen=True)
class Match(Generic[T]):
    obj: T
    score: float
    reasons: list[str]


def _names() -> Names:
    return Names(
        welfare_areas={a.code: a.name for a in welfare_area_list()},
        target_groups={g.code: g.name for g in target_group_list()},
        municipalities=dict(municipality_list().values_list("number", "name")),
        counties=dict(county_list().values_list("number", "name")),
    )


def _matches(
    *, query: Profile, query_kind: str, candidates: QuerySet[T], limit: int, names: Names | None = None
) -> list[Match[T]]:
    """A challenge (the place) asks for organisations, an organisation for challenges."""
    vector = query_vector(kind=query_kind, profile=query)
    names = names or _names()
    asks_for = "organisation" if query_kind == "challenge" else "challenge"
    with current_index(asks_for) as index:
        scored = rank(query, vector, index, query_is_place=query_kind == "challenge", limit=limit, names=names)
    found = candidates.in_bulk([s.key for s in scored])
    return [Match(obj=found[s.key], score=s.score, reasons=s.reasons) for s in scored if s.key in found]


def organisations_for_challenge(*, challenge: Challenge, limit: int = 10) -> list[Match[Organisation]]:
    return _matches(
        query=challenge_profile(challenge), query_kind="challenge", candidates=Organisation.objects.all(), limit=limit
    )


def challenges_for_organisation(
    *, organisation: Organisation, limit: int = 10, names: Names | None = None
) -> list[Match[Challenge]]:
    return _matches(
        query=organisation_profile(organisation),
        query_kind="organisation",
        candidates=Challenge.objects.all(),
        limit=limit,
        names=names,
    )


def challenges_for_members(*, user: User, limit: int) -> list[tuple[Organisation, list[Match[Challenge]]]]:
    """Open challenges for each organisation the user belongs to that can be recommended."""
    names = _names()
    organisations = matchable_organisations().filter(memberships__user=user)
    return [(org, challenges_for_organisation(organisation=org, limit=limit, names=names)) for org in organisations]
