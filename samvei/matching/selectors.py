"""Recommendations: organisations for a challenge and open challenges for an organisation, with reasons."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.db.models import Q, QuerySet

from samvei.challenges.models import Challenge
from samvei.geography.models import County, Municipality
from samvei.organisations.models import Organisation
from samvei.taxonomy.models import TargetGroup, WelfareArea

from .embeddings import Vectors, combined, default_embedder, from_bytes
from .models import Embedding
from .profiles import challenge_profile, organisation_profile
from .scoring import Names, Profile, rank_challenges, rank_organisations

PREFILTER_ABOVE = 2000


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


def _names(profiles: list[Profile]) -> Names:
    numbers = {n for p in profiles for n in p.municipalities}
    return Names(
        welfare_areas={a.code: a.name for a in WelfareArea.objects.all()},
        target_groups={g.code: g.name for g in TargetGroup.objects.all()},
        municipalities=dict(Municipality.objects.filter(number__in=numbers).values_list("number", "name")),
        counties=dict(County.objects.values_list("number", "name")),
    )


def _vectors(kind: str, role: str, ids: list[int]) -> dict[int, Vectors]:
    rows = Embedding.objects.filter(
        kind=kind, role=role, model_name=default_embedder().name, object_id__in=ids
    ).values_list("object_id", "vector")
    return {object_id: from_bytes(bytes(vector)) for object_id, vector in rows}


def _stack(ids: list[int], vectors: dict[int, Vectors]) -> Vectors | None:
    if not ids or not vectors:
        return None
    dimensions = len(next(iter(vectors.values())))
    return np.vstack([vectors.get(i, np.zeros(dimensions, dtype=np.float32)) for i in ids])


def _candidate_organisations(challenge: Profile) -> QuerySet[Organisation]:
    organisations = Organisation.objects.exclude(kind__in=Organisation.PUBLIC_BODY_KINDS)
    if organisations.count() > PREFILTER_ABOVE:
        organisations = organisations.filter(
            Q(municipalities__number__in=challenge.municipalities)
            | Q(counties__number__in=challenge.counties)
            | Q(national=True)
            | Q(welfare_areas__code__in=challenge.welfare_areas)
        ).distinct()
    return organisations.select_related("municipality__county").prefetch_related(
        "welfare_areas", "target_groups", "municipalities__county", "counties"
    )


def organisations_for_challenge(*, challenge: Challenge, limit: int = 10) -> list[OrganisationMatch]:
    query = challenge_profile(challenge)
    organisations = list(_candidate_organisations(query))
    profiles = [organisation_profile(o) for o in organisations]
    ids = [o.pk for o in organisations]
    views = [
        _vectors("challenge", role, [challenge.pk]).get(challenge.pk)
        for role in (Embedding.Role.QUERY, Embedding.Role.PASSAGE)
    ]
    query_vector = combined(*[v for v in views if v is not None])[0] if any(v is not None for v in views) else None
    scored = rank_organisations(
        query, query_vector, profiles, _stack(ids, _vectors("organisation", Embedding.Role.PASSAGE, ids)),
        names=_names([query]),
    )  # fmt: skip
    by_id = {o.pk: o for o in organisations}
    return [OrganisationMatch(obj=by_id[s.key], score=s.score, reasons=s.reasons) for s in scored[:limit]]  # type: ignore[index]


def challenges_for_organisation(*, organisation: Organisation, limit: int = 10) -> list[ChallengeMatch]:
    query = organisation_profile(organisation)
    challenges = list(
        Challenge.objects.filter(status__in=Challenge.OPEN_FOR_PITCHES)
        .select_related("municipality__county", "owner")
        .prefetch_related("welfare_areas", "target_groups")
    )
    profiles = [challenge_profile(c) for c in challenges]
    ids = [c.pk for c in challenges]
    query_vector = _vectors("organisation", Embedding.Role.QUERY, [organisation.pk]).get(organisation.pk)
    scored = rank_challenges(
        query, query_vector, profiles, _stack(ids, _vectors("challenge", Embedding.Role.PASSAGE, ids)),
        names=_names(profiles),
    )  # fmt: skip
    by_id = {c.pk: c for c in challenges}
    return [ChallengeMatch(obj=by_id[s.key], score=s.score, reasons=s.reasons) for s in scored[:limit]]  # type: ignore[index]
