"""Texts compared through named concepts as well as directly. Each welfare area and target group stands as
the embedding of its prototype sentences (`data/lexicon.json`); a text's concept profile says how much closer
it comes to each concept than to the concepts on average. Two texts that describe the same need in different
words tend to land near the same concepts even where the small embedding model puts them far apart
(bench/README.md has the figures)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np
from django.core.cache import caches

from .embeddings import Embedder, Vectors, combined_embeddings
from .inference import lexicon

# Part of the cache key: change it when the way concept vectors are computed changes.
RECIPE = "prototypes joined; query and passage embeddings combined"


def concept_texts() -> dict[str, str]:
    """Each concept's prototype sentences as one text, keyed by kind and code."""
    return {
        f"{kind}:{code}": " ".join(words["prototypes"])
        for kind, table in lexicon().items()
        for code, words in table.items()
    }


@dataclass(frozen=True)
class Concepts:
    """Concept keys («welfare_areas:dementia») and, row for row, the vectors that stand for them."""

    keys: tuple[str, ...]
    vectors: Vectors

    def profiles(self, vectors: Vectors) -> Vectors:
        return concept_profiles(vectors, self.vectors)


_centroids: dict[str, Concepts] = {}


def centroids(embedder: Embedder) -> Concepts:
    """Embedded once per process, model and vocabulary; where processes share a cache (Redis), once for all."""
    texts = concept_texts()
    source = "\n".join([RECIPE, embedder.name, str(embedder.dimensions), *texts.values()])
    key = "matching:concepts:" + hashlib.sha256(source.encode()).hexdigest()
    if key not in _centroids:
        stored = caches["computed"].get(key)
        if stored is None:
            stored = combined_embeddings(embedder, list(texts.values())).tobytes()
            caches["computed"].set(key, stored, timeout=None)
        vectors = np.frombuffer(stored, dtype=np.float32).reshape(len(texts), embedder.dimensions)
        _centroids[key] = Concepts(keys=tuple(texts), vectors=vectors)
    return _centroids[key]


def concept_profiles(vectors: Vectors, concepts: Vectors) -> Vectors:
    """How far above its own average similarity each text comes to each concept: rows of unit length, or zero
    for a text close to no concept above its average (or a vector of zeros)."""
    similarity = np.atleast_2d(vectors) @ concepts.T
    spread = similarity.std(axis=1, keepdims=True)
    above = np.maximum((similarity - similarity.mean(axis=1, keepdims=True)) / np.where(spread == 0, 1, spread), 0)
    norms = np.linalg.norm(above, axis=1, keepdims=True)
    profiles: Vectors = (above / np.where(norms == 0, 1, norms)).astype(np.float32)
    return profiles
