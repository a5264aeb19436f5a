"""Ranking with reasons: pure functions over profiles and vectors, so the benchmark runs them without a
database. A score mixes five signals, each scaled to 0–1 within the candidates:
semantic similarity of the texts (sentence embeddings), lexical relevance (BM25 over Norwegian stems),
overlap of welfare areas and of target groups (stated, or read from the text), and geography."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _

from samvei.search.text import stemmed_text

from .embeddings import Vectors

# Weights chosen on the labelled set in bench/matching (see bench/README.md for the comparison).
WEIGHTS = {"semantic": 0.50, "lexical": 0.10, "areas": 0.15, "groups": 0.10, "geography": 0.20}
GEOGRAPHY = {"municipality": 1.0, "county": 0.75, "national": 0.6, "none": 0.0}
SIMILAR_TEXT_QUANTILE = 0.9
STOPWORDS = set(stemmed_text(
    "og i på for til av med som er en et at det de den vi dere har skal kan vil fra om ikke eller men så også"
    " å ein eit dei ho han kva korleis no meir mer etter over under mot sin sitt sine vår våre"
).split())  # fmt: skip


@dataclass(frozen=True)
class Profile:
    key: object
    text: str
    welfare_areas: frozenset[str] = frozenset()
    target_groups: frozenset[str] = frozenset()
    municipalities: frozenset[str] = frozenset()
    counties: frozenset[str] = frozenset()
    national: bool = False


@dataclass
class Scored:
    key: object
    score: float
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Names:
    """Display names for the codes that reasons mention."""

    welfare_areas: Mapping[str, str] = field(default_factory=dict)
    target_groups: Mapping[str, str] = field(default_factory=dict)
    municipalities: Mapping[str, str] = field(default_factory=dict)
    counties: Mapping[str, str] = field(default_factory=dict)


def _scaled(values: np.ndarray) -> np.ndarray:
    """A candidate's standing among the others, 0–1: E5 similarities crowd into a narrow band, so their
    spread matters more than their size."""
    spread = float(values.std()) if len(values) else 0.0
    if spread == 0:
        return np.zeros_like(values, dtype=float)
    scaled: np.ndarray = 1 / (1 + np.exp(-1.5 * (values - values.mean()) / spread))
    return scaled


def _terms(text: str) -> list[str]:
    return [term for term in stemmed_text(text).split() if term not in STOPWORDS and len(term) > 2]


def bm25(query: str, documents: Sequence[str], *, k1: float = 1.2, b: float = 0.75) -> np.ndarray:
    terms = set(_terms(query))
    tokenised = [_terms(document) for document in documents]
    if not tokenised:
        return np.zeros(0)
    average = sum(len(doc) for doc in tokenised) / len(tokenised) or 1.0
    frequency = Counter(term for doc in tokenised for term in set(doc))
    scores = np.zeros(len(tokenised))
    for index, doc in enumerate(tokenised):
        counts = Counter(doc)
        for term in terms & counts.keys():
            idf = math.log(1 + (len(tokenised) - frequency[term] + 0.5) / (frequency[term] + 0.5))
            tf = counts[term]
            scores[index] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(doc) / average))
    return scores


def _coverage(wanted: frozenset[str], offered: frozenset[str]) -> float:
    return len(wanted & offered) / len(wanted) if wanted else 0.0


def geography(place: Profile, actor: Profile) -> str:
    """How well an actor's reach covers a place: the challenge's municipality and county."""
    if place.municipalities & actor.municipalities:
        return "municipality"
    if place.counties & actor.counties:
        return "county"
    if actor.national:
        return "national"
    return "none"


def rank_organisations(
    challenge: Profile,
    challenge_vector: Vectors | None,
    organisations: Sequence[Profile],
    organisation_vectors: Vectors | None,
    *,
    names: Names = Names(),
    weights: Mapping[str, float] = WEIGHTS,
) -> list[Scored]:
    """Organisations for a challenge, best first."""
    return _rank(
        challenge,
        challenge_vector,
        organisations,
        organisation_vectors,
        places=[challenge] * len(organisations),
        actors=list(organisations),
        names=names,
        weights=weights,
    )


def rank_challenges(
    organisation: Profile,
    organisation_vector: Vectors | None,
    challenges: Sequence[Profile],
    challenge_vectors: Vectors | None,
    *,
    names: Names = Names(),
    weights: Mapping[str, float] = WEIGHTS,
) -> list[Scored]:
    """Challenges for an organisation, best first."""
    return _rank(
        organisation,
        organisation_vector,
        challenges,
        challenge_vectors,
        places=list(challenges),
        actors=[organisation] * len(challenges),
        names=names,
        weights=weights,
    )


def _rank(
    query: Profile,
    query_vector: Vectors | None,
    candidates: Sequence[Profile],
    candidate_vectors: Vectors | None,
    *,
    places: Sequence[Profile],
    actors: Sequence[Profile],
    names: Names,
    weights: Mapping[str, float],
) -> list[Scored]:
    if not candidates:
        return []
    semantic: np.ndarray = np.zeros(len(candidates))
    if query_vector is not None and candidate_vectors is not None and len(candidate_vectors):
        semantic = np.asarray(candidate_vectors @ np.asarray(query_vector), dtype=float)
    semantic_scaled = _scaled(semantic)
    similar_cut = float(np.quantile(semantic, SIMILAR_TEXT_QUANTILE)) if semantic.any() else math.inf
    lexical = _scaled(bm25(query.text, [c.text for c in candidates]))
    results = []
    for index, candidate in enumerate(candidates):
        reach = geography(places[index], actors[index])
        score = (
            weights["semantic"] * semantic_scaled[index]
            + weights["lexical"] * lexical[index]
            + weights["areas"] * _coverage(query.welfare_areas, candidate.welfare_areas)
            + weights["groups"] * _coverage(query.target_groups, candidate.target_groups)
            + weights["geography"] * GEOGRAPHY[reach]
        )
        reasons = _reasons(
            reach,
            places[index],
            query.welfare_areas & candidate.welfare_areas,
            query.target_groups & candidate.target_groups,
            bool(semantic[index] >= similar_cut),
            names,
        )
        results.append(Scored(key=candidate.key, score=round(float(score), 4), reasons=reasons))
    results.sort(key=lambda scored: -scored.score)
    return results


def _reasons(
    reach: str, place: Profile, areas: frozenset[str], groups: frozenset[str], similar: bool, names: Names
) -> list[str]:
    reasons = []
    if reach == "municipality":
        municipality = next(iter(sorted(place.municipalities)), "")
        reasons.append(_("Operates in %(place)s") % {"place": names.municipalities.get(municipality, municipality)})
    elif reach == "county":
        county = next(iter(sorted(place.counties)), "")
        reasons.append(_("Operates in %(county)s") % {"county": names.counties.get(county, county)})
    elif reach == "national":
        reasons.append(_("Operates nationally"))
    if areas:
        label = ", ".join(sorted(names.welfare_areas.get(code, code) for code in areas))
        reasons.append(_("Same welfare area: %(areas)s") % {"areas": label})
    if groups:
        label = ", ".join(sorted(names.target_groups.get(code, code) for code in groups))
        reasons.append(_("Same target group: %(groups)s") % {"groups": label})
    if similar:
        reasons.append(_("The descriptions are similar"))
    return reasons
