"""Recommendations: organisations for a challenge and open challenges for an organisation, with reasons."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import Model, QuerySet
from django.utils import timezone

from samvei.accounts.models import User
from samvei.challenges.models import Challenge
from samvei.geography.selectors import county_list, municipality_list
from samvei.organisations.models import Organisation
from samvei.taxonomy.selectors import target_group_list, welfare_area_list

from .index import current_index
from .profiles import challenge_profile, organisation_profile
from .scoring import Names, Profile, rank
from .services import matchable_organisations, query_vector, query_vector_later, stored_query_vector

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


class NotReady(Exception):
    """The asking side has no stored vector yet. Its computation is queued for the worker; ask again shortly.
    A request never runs the model: a 20 KB description once cost an anonymous request 77 s of CPU."""


def _matches(
    *,
    query: Profile,
    query_kind: str,
    candidates: QuerySet[T],
    limit: int,
    names: Names | None = None,
    compute: bool = False,
) -> list[Match[T]]:
    """A challenge (the place) asks for organisations, an organisation for challenges. Only stored vectors are
    used unless `compute` (commands): a text changed since its vector was stored ranks by the earlier vector
    while the new one is computed, and one without any raises `NotReady`."""
    if compute:
        vector = query_vector(kind=query_kind, profile=query)
    else:
        stored, fresh = stored_query_vector(kind=query_kind, profile=query)
        if not fresh:
            query_vector_later(kind=query_kind, profile=query)
        if stored is None:
            raise NotReady
        vector = stored
    names = names or _names()
    asks_for = "organisation" if query_kind == "challenge" else "challenge"
    with current_index(asks_for) as index:
        scored = rank(query, vector, index, query_is_place=query_kind == "challenge", limit=limit, names=names)
    found = candidates.in_bulk([s.key for s in scored])
    return [Match(obj=found[s.key], score=s.score, reasons=s.reasons) for s in scored if s.key in found]


def organisations_for_challenge(
    *, challenge: Challenge, limit: int = 10, compute: bool = False
) -> list[Match[Organisation]]:
    return _matches(
        query=challenge_profile(challenge),
        query_kind="challenge",
        candidates=Organisation.objects.all(),
        limit=limit,
        compute=compute,
    )


def challenges_for_organisation(
    *, organisation: Organisation, limit: int = 10, names: Names | None = None, compute: bool = False
) -> list[Match[Challenge]]:
    return _matches(
        query=organisation_profile(organisation),
        query_kind="organisation",
        # The index follows saves; a deadline passes without one, so what is suggested is checked again here.
        candidates=Challenge.objects.filter(status__in=Challenge.OPEN_FOR_PITCHES).exclude(
            deadline__lt=timezone.localdate()
        ),
        limit=limit,
        names=names,
        compute=compute,
    )


def challenges_for_members(*, user: User, limit: int) -> list[tuple[Organisation, list[Match[Challenge]] | None]]:
    """Open challenges for each organisation the user belongs to that can be recommended; None for one whose
    profile is still being computed."""
    names = _names()
    organisations = matchable_organisations().filter(memberships__user=user)
    sections: list[tuple[Organisation, list[Match[Challenge]] | None]] = []
    for organisation in organisations:
        try:
            sections.append(
                (organisation, challenges_for_organisation(organisation=organisation, limit=limit, names=names))
            )
        except NotReady:
            sections.append((organisation, None))
    return sections
