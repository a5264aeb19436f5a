"""Match profiles and their embeddings, recomputed in the background when an organisation or a challenge
changes. An embedding is computed only when the text it was made from has changed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from samvei.challenges.models import Challenge
from samvei.core.models import published
from samvei.organisations.models import Organisation

from .embeddings import Embedder, Vectors, combined, default_embedder, from_bytes, to_bytes
from .models import Embedding, MatchProfile
from .profiles import challenge_profile, organisation_profile
from .scoring import Profile, terms

# An object is matched by its query and passage embeddings combined, on both sides, so a pair's similarity
# is the same whichever side asks (and ranked better than either role alone: bench/README.md).
ROLES = (Embedding.Role.QUERY, Embedding.Role.PASSAGE)
T = TypeVar("T")
Vectorise = Callable[[dict[int, str]], dict[int, Vectors]]


def matchable_organisations() -> QuerySet[Organisation]:
    """Organisations that can be recommended (not public bodies), with what their profiles read."""
    return (
        Organisation.objects.exclude(kind__in=Organisation.PUBLIC_BODY_KINDS)
        .select_related("municipality__county")
        .prefetch_related("welfare_areas", "target_groups", "municipalities__county", "counties")
    )


def matchable(kind: str) -> QuerySet[Organisation] | QuerySet[Challenge]:
    """What can be recommended: organisations that are not public bodies, and challenges open for pitches."""
    if kind == "challenge":
        return published(Challenge.objects.filter(status__in=Challenge.OPEN_FOR_PITCHES)).select_related(
            "municipality__county"
        ).prefetch_related("welfare_areas", "target_groups")  # fmt: skip
    return matchable_organisations()


def profile_of(obj: Organisation | Challenge) -> Profile:
    return challenge_profile(obj) if isinstance(obj, Challenge) else organisation_profile(obj)


def _key(profile: Profile) -> int:
    """Profiles of stored objects are keyed by primary key."""
    if not isinstance(profile.key, int):
        raise TypeError(f"A stored object's profile has an integer key, not {profile.key!r}")
    return profile.key


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def match_vectors(
    *, kind: str, texts: dict[int, str], embedder: Embedder | None = None, store: bool = True
) -> dict[int, Vectors]:
    """The vector each object's text is matched by, from stored embeddings where the text is unchanged and
    from the model otherwise (stored when `store` is true)."""
    embedder = embedder or default_embedder()
    hashes = {pk: digest(text) for pk, text in texts.items()}
    stored = {
        (object_id, role): (text_hash, vector)
        for object_id, role, text_hash, vector in Embedding.objects.filter(
            kind=kind, model_name=embedder.name, role__in=ROLES, object_id__in=list(texts)
        ).values_list("object_id", "role", "text_hash", "vector")
    }
    views: dict[int, list[Vectors]] = {object_id: [] for object_id in texts}
    fresh = []
    for role in ROLES:
        current = {pk: stored.get((pk, role)) for pk in texts}
        pending = [pk for pk, found in current.items() if found is None or found[0] != hashes[pk]]
        encode = embedder.queries if role == Embedding.Role.QUERY else embedder.passages
        computed = dict(zip(pending, encode([texts[pk] for pk in pending]), strict=True)) if pending else {}
        for pk in texts:
            found = current[pk]
            views[pk].append(computed[pk] if pk in computed else from_bytes(bytes(found[1])))  # type: ignore[index]
        fresh += [
            Embedding(kind=kind, object_id=pk, role=role, model_name=embedder.name, text_hash=hashes[pk],
                      vector=to_bytes(vector))
            for pk, vector in computed.items()
        ]  # fmt: skip
    if store and fresh:
        Embedding.objects.bulk_create(
            fresh,
            update_conflicts=True,
            unique_fields=["kind", "object_id", "role", "model_name"],
            update_fields=["text_hash", "vector", "updated_at"],
        )
    return {pk: combined(*vectors) for pk, vectors in views.items()}


def query_vector(*, kind: str, profile: Profile) -> Vectors:
    """The vector to rank others by: the stored one when the text is unchanged, else the model's, now. For
    commands and tests only: a request uses `stored_query_vector` and never runs the model."""
    stored, fresh = stored_query_vector(kind=kind, profile=profile)
    if stored is not None and fresh:
        return stored
    return match_vectors(kind=kind, texts={_key(profile): profile.text}, store=False)[_key(profile)]


def stored_query_vector(*, kind: str, profile: Profile) -> tuple[Vectors | None, bool]:
    """The stored vector to rank others by, and whether it was made from the current text; never the model's.
    The match profile's vector if it is current, else the stored embeddings of the current text (kept for what
    has no profile: a draft, a public body), else the profile's vector from an earlier text; None without any."""
    model_name, text_hash = default_embedder().name, digest(profile.text)
    rows = MatchProfile.objects.filter(kind=kind, object_id=_key(profile), model_name=model_name, vector__isnull=False)
    profiles = {found_hash: vector for found_hash, vector in rows.values_list("text_hash", "vector") if vector}
    if text_hash in profiles:
        return from_bytes(bytes(profiles[text_hash])), True
    embeddings = dict(
        Embedding.objects.filter(
            kind=kind, object_id=_key(profile), model_name=model_name, text_hash=text_hash, role__in=ROLES
        ).values_list("role", "vector")
    )
    if len(embeddings) == len(ROLES):
        return combined(*(from_bytes(bytes(embeddings[role])) for role in ROLES)), True
    stale = next(iter(profiles.values()), None)
    return (from_bytes(bytes(stale)) if stale is not None else None), False


PREPARE_AGAIN_AFTER = 600  # seconds: one queued computation per text at a time, however often it is asked for


def query_vector_later(*, kind: str, profile: Profile) -> None:
    """Queue the computation of a query vector the request did not find, once per text however many requests
    ask for it; the worker stores it (`query_vectors_store`)."""
    from .tasks import store_query_vectors

    key = f"matching:preparing:{kind}:{_key(profile)}:{digest(profile.text)}"
    if cache.add(key, True, timeout=PREPARE_AGAIN_AFTER):
        object_id = _key(profile)
        transaction.on_commit(lambda: store_query_vectors.enqueue(kind=kind, object_ids=[object_id]))


def query_vectors_store(*, kind: str, object_ids: Sequence[int]) -> int:
    """Stores what ranking needs for these objects: the match profile of those that can be recommended, and the
    embeddings of the others' current text (a draft challenge, a public body asking for challenges). Returns
    how many objects were brought up to date."""
    recommendable = set(matchable(kind).filter(pk__in=object_ids).values_list("pk", flat=True))
    changed = profiles_refresh(kind=kind, object_ids=sorted(recommendable)) if recommendable else 0
    model = Challenge if kind == "challenge" else Organisation
    others = model.objects.filter(pk__in=set(object_ids) - recommendable)
    texts = {_key(p): p.text for p in (profile_of(obj) for obj in others)}
    if texts:
        match_vectors(kind=kind, texts=texts)
    return changed + len(texts)


def _profile_row(kind: str, profile: Profile, vector: Vectors, model_name: str) -> MatchProfile:
    return MatchProfile(
        kind=kind,
        object_id=_key(profile),
        active=True,
        welfare_areas=" ".join(sorted(profile.welfare_areas)),
        target_groups=" ".join(sorted(profile.target_groups)),
        municipalities=" ".join(sorted(profile.municipalities)),
        counties=" ".join(sorted(profile.counties)),
        national=profile.national,
        is_example=profile.is_example,
        terms=" ".join(terms(profile.text)),
        text_hash=digest(profile.text),
        model_name=model_name,
        vector=to_bytes(vector),
    )


PROFILE_FIELDS = ["active", "welfare_areas", "target_groups", "municipalities", "counties", "national",
                  "is_example", "terms", "text_hash", "model_name", "vector"]  # fmt: skip


def _values(row: MatchProfile) -> tuple[object, ...]:
    return tuple(bytes(value) if isinstance(value, memoryview) else value for value in
                 (getattr(row, name) for name in PROFILE_FIELDS))  # fmt: skip


def _deactivate(kind: str, object_ids: Sequence[int]) -> None:
    """Objects that can no longer be recommended leave every index; their embeddings are deleted with them."""
    for chunk in _chunks(object_ids, 500):
        MatchProfile.objects.filter(kind=kind, object_id__in=chunk, active=True).update(
            active=False, updated_at=timezone.now()
        )
        Embedding.objects.filter(kind=kind, object_id__in=chunk).delete()


def profiles_refresh(
    *,
    kind: str,
    object_ids: Sequence[int] | None = None,
    embedder: Embedder | None = None,
    vectorise: Vectorise | None = None,
    batch_size: int = 64,
) -> int:
    """Brings the match profiles of a kind (all, or those in `object_ids`) up to date with their objects,
    in batches. Returns how many profiles changed. `vectorise` replaces the stored embeddings as the source
    of vectors (the scale benchmark uses it to reuse the embeddings of repeated example texts)."""
    embedder = embedder or default_embedder()
    objects = matchable(kind)
    if object_ids is not None:
        objects = objects.filter(pk__in=object_ids)
    seen: set[int] = set()
    changed = 0
    for batch in _chunks(objects.order_by("pk").iterator(chunk_size=batch_size), batch_size):
        profiles = [profile_of(obj) for obj in batch]  # type: ignore[arg-type]
        texts = {_key(p): p.text for p in profiles}
        vectors = vectorise(texts) if vectorise else match_vectors(kind=kind, texts=texts, embedder=embedder)
        rows = [_profile_row(kind, p, vectors[_key(p)], embedder.name) for p in profiles]
        old = {
            row.object_id: _values(row)
            for row in MatchProfile.objects.filter(kind=kind, object_id__in=[row.object_id for row in rows])
        }
        updates = [row for row in rows if old.get(row.object_id) != _values(row)]
        with transaction.atomic():
            MatchProfile.objects.bulk_create(
                updates,
                update_conflicts=True,
                unique_fields=["kind", "object_id"],
                update_fields=[*PROFILE_FIELDS, "updated_at"],
            )
        changed += len(updates)
        seen.update(row.object_id for row in rows)
    known = MatchProfile.objects.filter(kind=kind, active=True)
    if object_ids is not None:
        known = known.filter(object_id__in=object_ids)
    gone = sorted(set(known.values_list("object_id", flat=True)) - seen)
    _deactivate(kind, gone)
    return changed + len(gone)


def profiles_fill_missing(*, kind: str) -> int:
    """Computes the profiles of what can be recommended but has none yet (rows written by a bulk path before
    the worker ran, say), so a ranking never silently leaves them out. Returns how many were computed."""
    have = MatchProfile.objects.filter(kind=kind, active=True).values("object_id")
    missing = list(matchable(kind).exclude(pk__in=have).values_list("pk", flat=True))
    return profiles_refresh(kind=kind, object_ids=missing) if missing else 0
