"""Ranking with reasons, as pure functions over an in-memory index of candidates, so that the benchmark runs
the same code without a database. A score mixes five signals: semantic similarity of the texts (sentence
embeddings compared directly and through concept profiles, each scaled to a candidate's standing among all
candidates), overlap of welfare areas and of target groups (stated, or read from the text), geography, and
lexical relevance (BM25 over Norwegian stems). Everything but BM25 is computed for every candidate at once
with numpy; BM25, whose weight is small, only for the best `SHORTLIST` of them."""

from __future__ import annotations

import math
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from samvei.search.text import stemmed_text

from .concepts import Concepts
from .embeddings import Vectors
from .reasons import Names, reasons_for

__all__ = ["CandidateIndex", "Names", "Profile", "Scored", "bm25", "rank", "rank_organisations", "terms"]

# Weights chosen on the development set in bench/matching (see bench/README.md for the held-out figures).
WEIGHTS = {"semantic": 0.50, "lexical": 0.10, "areas": 0.15, "groups": 0.10, "geography": 0.20}
GEOGRAPHY = {"municipality": 1.0, "county": 0.75, "national": 0.6, "none": 0.0}
# Semantic similarity is half direct, half through concepts (samvei.matching.concepts). A concept both sides
# lean towards this much (the product of their profiles' components) is named among the reasons.
CONCEPT_SHARE = 0.5
CONCEPT_REASON_MIN = 0.3
CONCEPT_BATCH = 10_000
SIMILAR_TEXT_QUANTILE = 0.9
SHORTLIST = 300
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
    # A fictional example ranks below a real candidate with the same score.
    is_example: bool = False


@dataclass
class Scored:
    key: object
    score: float
    reasons: list[str] = field(default_factory=list)


NO_NAMES = Names()


def terms(text: str) -> list[str]:
    """The words that count for lexical relevance: Norwegian stems without stop words and short words."""
    return [sys.intern(term) for term in stemmed_text(text).split() if term not in STOPWORDS and len(term) > 2]


class _Columns:
    """A growing boolean matrix: one row per candidate, one column per code (welfare area, county, …)."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}
        self.matrix = np.zeros((0, 0), dtype=bool)

    def resize(self, rows: int) -> None:
        if rows > self.matrix.shape[0]:
            self.matrix = np.pad(self.matrix, ((0, rows - self.matrix.shape[0]), (0, 0)))

    def set(self, row: int, codes: Iterable[str]) -> None:
        self.matrix[row] = False
        for code in codes:
            if code not in self.codes:
                self.codes[code] = len(self.codes)
                self.matrix = np.pad(self.matrix, ((0, 0), (0, 1)))
            self.matrix[row, self.codes[code]] = True

    def count(self, codes: Iterable[str]) -> np.ndarray:
        """How many of the codes each row has."""
        columns = [self.codes[code] for code in codes if code in self.codes]
        counted: np.ndarray = self.matrix[:, columns].sum(axis=1)
        return counted


class CandidateIndex:
    """Every candidate of one kind as arrays. Rows are updated in place and removed by marking them dead, so
    a process can keep its index current by applying changed rows."""

    def __init__(self, dimensions: int = 0, concepts: Concepts | None = None) -> None:
        self.dimensions = dimensions
        self.concepts = concepts or Concepts(keys=(), vectors=np.zeros((0, dimensions), dtype=np.float32))
        self._concept_profiles = np.zeros((0, len(self.concepts.keys)), dtype=np.float32)
        self._concepts_pending: set[int] = set()
        self.keys: list[object] = []
        self.rows: dict[object, int] = {}
        self.alive = np.zeros(0, dtype=bool)
        self.has_vector = np.zeros(0, dtype=bool)
        self.vectors = np.zeros((0, dimensions), dtype=np.float32)
        self.national = np.zeros(0, dtype=bool)
        self.example = np.zeros(0, dtype=bool)
        self.areas, self.groups, self.county_columns = _Columns(), _Columns(), _Columns()
        self.municipalities: list[tuple[str, ...]] = []
        self.terms: list[tuple[str, ...]] = []
        self.by_municipality: dict[str, set[int]] = {}
        self.document_frequency: Counter[str] = Counter()
        self.total_terms = 0

    def __len__(self) -> int:
        return int(self.alive.sum())

    @classmethod
    def of(
        cls, profiles: Sequence[Profile], vectors: Vectors | None = None, concepts: Concepts | None = None
    ) -> CandidateIndex:
        index = cls(vectors.shape[1] if vectors is not None and len(vectors) else 0, concepts)
        for position, profile in enumerate(profiles):
            index.put(
                profile.key,
                terms=terms(profile.text),
                welfare_areas=profile.welfare_areas,
                target_groups=profile.target_groups,
                municipalities=profile.municipalities,
                counties=profile.counties,
                national=profile.national,
                is_example=profile.is_example,
                vector=vectors[position] if vectors is not None and len(vectors) else None,
            )
        return index

    def _grow(self, rows: int) -> None:
        extra = rows - len(self.alive)
        self.alive = np.concatenate([self.alive, np.zeros(extra, dtype=bool)])
        self.has_vector = np.concatenate([self.has_vector, np.zeros(extra, dtype=bool)])
        self.national = np.concatenate([self.national, np.zeros(extra, dtype=bool)])
        self.example = np.concatenate([self.example, np.zeros(extra, dtype=bool)])
        self.vectors = np.vstack([self.vectors, np.zeros((extra, self.dimensions), dtype=np.float32)])
        self._concept_profiles = np.vstack(
            [self._concept_profiles, np.zeros((extra, len(self.concepts.keys)), dtype=np.float32)]
        )
        for columns in (self.areas, self.groups, self.county_columns):
            columns.resize(rows)
        self.municipalities.extend([()] * extra)
        self.terms.extend([()] * extra)

    def put(
        self,
        key: object,
        *,
        terms: Sequence[str],
        welfare_areas: Iterable[str],
        target_groups: Iterable[str],
        municipalities: Iterable[str],
        counties: Iterable[str],
        national: bool,
        vector: Vectors | None,
        is_example: bool = False,
    ) -> None:
        row = self.rows.get(key)
        if row is None:
            row = len(self.keys)
            if row >= len(self.alive):
                self._grow(max(row + 1, len(self.alive) * 2))
            self.keys.append(key)
            self.rows[key] = row
        else:
            self._forget(row)
        self.alive[row] = True
        self.has_vector[row] = vector is not None and len(vector) == self.dimensions
        self.vectors[row] = vector if self.has_vector[row] else 0
        self._concepts_pending.add(row)
        self.national[row] = national
        self.example[row] = is_example
        self.areas.set(row, welfare_areas)
        self.groups.set(row, target_groups)
        self.county_columns.set(row, counties)
        self.municipalities[row] = tuple(sorted(municipalities))
        self.terms[row] = tuple(sys.intern(term) for term in terms)
        for number in self.municipalities[row]:
            self.by_municipality.setdefault(number, set()).add(row)
        self.document_frequency.update(set(self.terms[row]))
        self.total_terms += len(self.terms[row])

    def remove(self, key: object) -> None:
        row = self.rows.get(key)
        if row is not None and self.alive[row]:
            self._forget(row)
            self.alive[row] = False

    def _forget(self, row: int) -> None:
        if not self.alive[row]:
            return
        for number in self.municipalities[row]:
            self.by_municipality[number].discard(row)
        self.document_frequency.subtract(set(self.terms[row]))
        self.total_terms -= len(self.terms[row])

    def concept_matrix(self) -> Vectors:
        """Every row's concept profile (zero for rows without a vector), brought up to date for the rows put
        since the last call, in batches: each batch copies its rows' vectors."""
        pending = sorted(self._concepts_pending)
        self._concept_profiles[pending] = 0
        with_vector = [row for row in pending if self.has_vector[row]] if self.concepts.keys else []
        for start in range(0, len(with_vector), CONCEPT_BATCH):
            rows = with_vector[start : start + CONCEPT_BATCH]
            self._concept_profiles[rows] = self.concepts.profiles(self.vectors[rows])
        self._concepts_pending.clear()
        return self._concept_profiles

    def in_municipalities(self, numbers: Iterable[str]) -> np.ndarray:
        hit = np.zeros(len(self.alive), dtype=bool)
        for number in numbers:
            rows = self.by_municipality.get(number)
            if rows:
                hit[list(rows)] = True
        return hit


def _scaled(values: np.ndarray, among: np.ndarray | None = None) -> np.ndarray:
    """A candidate's standing among the others (those in `among`), 0–1: E5 similarities crowd into a narrow
    band, so their spread matters more than their size."""
    reference = values if among is None else values[among]
    spread = float(reference.std()) if len(reference) else 0.0
    if spread == 0:
        return np.zeros_like(values, dtype=float)
    scaled: np.ndarray = 1 / (1 + np.exp(np.clip(-1.5 * (values - reference.mean()) / spread, -50, 50)))
    return scaled


def _bm25(
    query: Iterable[str],
    documents: Sequence[Sequence[str]],
    *,
    frequency: Mapping[str, int],
    total: int,
    average: float,
    k1: float = 1.2,
    b: float = 0.75,
) -> np.ndarray:
    wanted = set(query)
    scores = np.zeros(len(documents))
    for position, document in enumerate(documents):
        counts = Counter(document)
        for term in wanted & counts.keys():
            idf = math.log(1 + (total - frequency[term] + 0.5) / (frequency[term] + 0.5))
            tf = counts[term]
            scores[position] += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(document) / (average or 1.0)))
    return scores


def bm25(query: str, documents: Sequence[str]) -> np.ndarray:
    """BM25 of each document for the query, with statistics from these documents only (the baseline)."""
    tokenised = [terms(document) for document in documents]
    if not tokenised:
        return np.zeros(0)
    return _bm25(
        terms(query),
        tokenised,
        frequency=Counter(term for document in tokenised for term in set(document)),
        total=len(tokenised),
        average=sum(len(document) for document in tokenised) / len(tokenised),
    )


def _coverage(wanted: frozenset[str], offered: _Columns) -> np.ndarray:
    return offered.count(wanted) / len(wanted) if wanted else np.zeros(offered.matrix.shape[0])


def rank(
    query: Profile,
    query_vector: Vectors | None,
    index: CandidateIndex,
    *,
    query_is_place: bool,
    limit: int | None = None,
    names: Names = NO_NAMES,
    weights: Mapping[str, float] = WEIGHTS,
) -> list[Scored]:
    """The best candidates of the index for the query, best first. `query_is_place` says which side the
    geography is read from: a challenge (the place) asking for organisations (the actors), or the reverse."""
    alive = index.alive
    if not alive.any():
        return []
    with_vector = alive & index.has_vector
    semantic, direct, query_concepts = _semantic(query_vector, index, with_vector)
    similar_cut = float(np.quantile(direct[with_vector], SIMILAR_TEXT_QUANTILE)) if direct.any() else math.inf
    local = index.in_municipalities(query.municipalities)
    county = index.county_columns.count(query.counties) > 0
    national = index.national if query_is_place else np.full(len(alive), query.national)
    reach = np.select(
        [local, county, national],
        [GEOGRAPHY["municipality"], GEOGRAPHY["county"], GEOGRAPHY["national"]],
        GEOGRAPHY["none"],
    )
    base = (
        weights["semantic"] * semantic
        + weights["areas"] * _coverage(query.welfare_areas, index.areas)
        + weights["groups"] * _coverage(query.target_groups, index.groups)
        + weights["geography"] * reach
    )
    base = np.where(alive, base, -np.inf)
    shortlist = np.flatnonzero(alive)
    if len(shortlist) > SHORTLIST:
        shortlist = shortlist[np.argpartition(-base[shortlist], SHORTLIST)[:SHORTLIST]]
    lexical = _bm25(
        terms(query.text),
        [index.terms[row] for row in shortlist],
        frequency=index.document_frequency,
        total=len(index),
        average=index.total_terms / max(len(index), 1),
    )
    scores = base[shortlist] + weights["lexical"] * _scaled(lexical)
    # Best first; at the same score (as shown, to four decimals) a real candidate before a fictional example.
    order = sorted(
        range(len(shortlist)),
        key=lambda i: (-round(float(scores[i]), 4), bool(index.example[shortlist[i]]), shortlist[i]),
    )[:limit]
    concept_matrix = index.concept_matrix()
    results = []
    for position in order:
        row = int(shortlist[position])
        level = "municipality" if local[row] else "county" if county[row] else "national" if national[row] else "none"
        municipalities, counties = (
            (sorted(query.municipalities), sorted(query.counties))
            if query_is_place
            else (list(index.municipalities[row]), _codes_of(index.county_columns, row))
        )
        areas = query.welfare_areas & set(_codes_of(index.areas, row))
        groups = query.target_groups & set(_codes_of(index.groups, row))
        shared = _shared_concepts(index.concepts.keys, query_concepts * concept_matrix[row], areas, groups)
        reasons = reasons_for(
            level, municipalities, counties, areas, groups, bool(direct[row] >= similar_cut), shared, names
        )
        results.append(Scored(key=index.keys[row], score=round(float(scores[position]), 4), reasons=reasons))
    return results


def _semantic(
    query_vector: Vectors | None, index: CandidateIndex, with_vector: np.ndarray
) -> tuple[np.ndarray, np.ndarray, Vectors]:
    """Each candidate's semantic standing (direct and concept similarity blended, 0–1), its direct cosine
    similarity, and the query's concept profile; zeros where there is nothing to compare."""
    vector: Vectors = np.ravel(np.asarray(query_vector if query_vector is not None else [], dtype=np.float32))
    query_concepts = np.zeros(len(index.concepts.keys), dtype=np.float32)
    if len(vector) != index.dimensions or not index.dimensions or not with_vector.any():
        return np.zeros(len(with_vector)), np.zeros(len(with_vector)), query_concepts
    direct = np.where(with_vector, index.vectors @ vector, 0.0)
    standing = _scaled(direct, with_vector)
    if index.concepts.keys:
        query_concepts = index.concepts.profiles(vector)[0]
        through_concepts = _scaled(index.concept_matrix() @ query_concepts, with_vector)
        standing = (1 - CONCEPT_SHARE) * standing + CONCEPT_SHARE * through_concepts
    return np.where(with_vector, standing, 0.0), direct, query_concepts


def _shared_concepts(
    keys: Sequence[str], weights: np.ndarray, areas: frozenset[str], groups: frozenset[str]
) -> list[str]:
    """Concepts both sides lean towards, except those already named as a shared area or group."""
    named = {f"welfare_areas:{code}" for code in areas} | {f"target_groups:{code}" for code in groups}
    return [key for key, weight in zip(keys, weights, strict=True) if weight >= CONCEPT_REASON_MIN and key not in named]


def _codes_of(columns: _Columns, row: int) -> list[str]:
    return [code for code, column in columns.codes.items() if columns.matrix[row, column]]


def rank_organisations(
    challenge: Profile,
    challenge_vector: Vectors | None,
    organisations: Sequence[Profile],
    organisation_vectors: Vectors | None,
    *,
    concepts: Concepts | None = None,
    names: Names = NO_NAMES,
    weights: Mapping[str, float] = WEIGHTS,
) -> list[Scored]:
    """Organisations for a challenge, best first."""
    index = CandidateIndex.of(organisations, organisation_vectors, concepts)
    return rank(challenge, challenge_vector, index, query_is_place=True, names=names, weights=weights)
