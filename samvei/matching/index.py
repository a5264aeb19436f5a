"""Each process keeps the match profiles of every candidate in memory (`CandidateIndex`), loaded once and then
kept current by reading only the rows changed since: ranking 100 000 organisations then costs one small query
and a few numpy operations instead of loading 100 000 objects.

Changes are found by `updated_at`. A transaction may commit a row some time after stamping it, so every
refresh reads the rows stamped since `LATE_COMMIT_MARGIN` before the previous refresh began (applying a row
twice changes nothing). Clearing the cache key `GENERATION_KEY` makes every process load its index afresh."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.utils import timezone

from .concepts import centroids
from .embeddings import default_embedder, from_bytes
from .models import MatchProfile
from .scoring import CandidateIndex

KINDS = ("organisation", "challenge")
GENERATION_KEY = "matching:index-generation"
LATE_COMMIT_MARGIN = timedelta(seconds=60)
COLUMNS = ("object_id", "active", "welfare_areas", "target_groups", "municipalities", "counties", "national",
           "is_example", "terms", "model_name", "vector", "updated_at")  # fmt: skip


@dataclass
class _Loaded:
    generation: str
    index: CandidateIndex
    checked_at: datetime
    versions: dict[int, datetime] = field(default_factory=dict)


_lock = threading.Lock()
_loaded: dict[str, _Loaded] = {}


def _apply(loaded: _Loaded, rows: Iterable[tuple[Any, ...]], model_name: str) -> None:
    for row in rows:
        object_id, active, areas, groups, municipalities, counties, national, example, terms, model, vector, updated = (
            row
        )
        if loaded.versions.get(object_id) == updated:
            continue
        loaded.versions[object_id] = updated
        if not active:
            loaded.index.remove(object_id)
            continue
        loaded.index.put(
            object_id,
            terms=str(terms).split(),
            welfare_areas=str(areas).split(),
            target_groups=str(groups).split(),
            municipalities=str(municipalities).split(),
            counties=str(counties).split(),
            national=bool(national),
            is_example=bool(example),
            vector=from_bytes(bytes(vector)) if vector is not None and model == model_name else None,
        )


@contextmanager
def current_index(kind: str) -> Iterator[CandidateIndex]:
    """The process's index of a kind, brought up to date; held under a lock while the caller ranks. An index
    replaces the previous one, and a refresh counts as done, only once its rows are all read: a load that fails
    half way is tried again in full on the next request."""
    generation = str(cache.get_or_set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))
    embedder = default_embedder()
    with _lock:
        loaded = _loaded.get(kind)
        rows = MatchProfile.objects.filter(kind=kind)
        now = timezone.now()
        if loaded is None or loaded.generation != generation:
            loaded = _Loaded(generation, CandidateIndex(embedder.dimensions, centroids(embedder)), checked_at=now)
            rows = rows.filter(active=True)
        else:
            rows = rows.filter(updated_at__gte=loaded.checked_at - LATE_COMMIT_MARGIN)
        _apply(loaded, rows.values_list(*COLUMNS).iterator(chunk_size=5000), embedder.name)
        loaded.index.concept_matrix()
        loaded.checked_at = now
        _loaded[kind] = loaded
        yield loaded.index


def warm_indexes() -> None:
    """Loads every index now, so that no visitor waits for it (web workers call this as they start)."""
    for kind in KINDS:
        with current_index(kind):
            pass


def forget_indexes() -> None:
    """Every process loads its indexes afresh on its next request."""
    cache.delete(GENERATION_KEY)
