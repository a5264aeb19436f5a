"""Recommendations: organisations for a challenge and open challenges for an organisation, with reasons."""

from __future__ import annotations

from dataclasses import dataclass

from samvei.challenges.models import Challenge
from samvei.geography.models import County, Municipality
from samvei.organisations.models import Organisation
from samvei.taxonomy.models import TargetGroup, WelfareArea

from .index import current_index
from .profiles import challenge_profile, organisation_profile
from .scoring import Names, rank
from .services import query_vector


@dataclass(frozen=True)
class OrganisationMatch:
    obj: Organisation
    score: float
    reasons: list[str]


@dataclass(frozen=True)
class ChallengeMatch:
    obj: Challenge
    score: float
    reasons: list[str]


def _names() -> Names:
    return Names(
        welfare_areas={a.code: a.name for a in WelfareArea.objects.all()},
        target_groups={g.code: g.name for g in TargetGroup.objects.all()},
        municipalities=dict(Municipality.objects.values_list("number", "name")),
        counties=dict(County.objects.values_list("number", "name")),
    )


def organisations_for_challenge(*, challenge: Challenge, limit: int = 10) -> list[OrganisationMatch]:
    query = challenge_profile(challenge)
    vector = query_vector(kind="challenge", profile=query)
    names = _names()
    with current_index("organisation") as index:
        scored = rank(query, vector, index, query_is_place=True, limit=limit, names=names)
    found = Organisation.objects.in_bulk([s.key for s in scored])
    return [OrganisationMatch(obj=found[s.key], score=s.score, reasons=s.reasons) for s in scored if s.key in found]


def challenges_for_organisation(*, organisation: Organisation, limit: int = 10) -> list[ChallengeMatch]:
    query = organisation_profile(organisation)
    vector = query_vector(kind="organisation", profile=query)
    names = _names()
    with current_index("challenge") as index:
        scored = rank(query, vector, index, query_is_place=False, limit=limit, names=names)
    found = Challenge.objects.select_related("municipality", "owner").in_bulk([s.key for s in scored])
    return [ChallengeMatch(obj=found[s.key], score=s.score, reasons=s.reasons) for s in scored if s.key in found]
