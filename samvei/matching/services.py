"""Stored embeddings: recomputed in the background when an organisation's or challenge's text changes."""

from __future__ import annotations

import hashlib

from samvei.challenges.models import Challenge
from samvei.organisations.models import Organisation

from .embeddings import Embedder, default_embedder, to_bytes
from .models import Embedding
from .profiles import challenge_text, organisation_text


def _texts(kind: str, ids: list[int] | None = None) -> dict[int, str]:
    """The current text of each matchable object of a kind (all of them when `ids` is None)."""
    if kind == "challenge":
        challenges = Challenge.objects.filter(status__in=Challenge.PUBLIC_STATUSES)
        if ids is not None:
            challenges = challenges.filter(pk__in=ids)
        return {c.pk: challenge_text(c) for c in challenges.iterator()}
    organisations = Organisation.objects.exclude(kind__in=Organisation.PUBLIC_BODY_KINDS)
    if ids is not None:
        organisations = organisations.filter(pk__in=ids)
    return {o.pk: organisation_text(o) for o in organisations.iterator()}


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def embedding_refresh(*, kind: str, object_id: int, embedder: Embedder | None = None) -> bool:
    """Stores the query and passage embeddings of one object's text; does nothing when the text is unchanged.
    Returns True when it computed new vectors."""
    text = _texts(kind, [object_id]).get(object_id)
    if text is None:
        Embedding.objects.filter(kind=kind, object_id=object_id).delete()
        return False
    embedder = embedder or default_embedder()
    digest = _hash(text)
    current = Embedding.objects.filter(kind=kind, object_id=object_id, model_name=embedder.name, text_hash=digest)
    if current.count() == 2:
        return False
    for role, encode in ((Embedding.Role.QUERY, embedder.queries), (Embedding.Role.PASSAGE, embedder.passages)):
        Embedding.objects.update_or_create(
            kind=kind,
            object_id=object_id,
            role=role,
            model_name=embedder.name,
            defaults={"text_hash": digest, "vector": to_bytes(encode([text])[0])},
        )
    return True


def embeddings_refresh_all(*, kind: str, embedder: Embedder | None = None, batch_size: int = 32) -> int:
    """Embeds, in batches, every object of the kind whose stored vectors are missing or out of date."""
    embedder = embedder or default_embedder()
    stored = dict(
        Embedding.objects.filter(kind=kind, model_name=embedder.name, role=Embedding.Role.PASSAGE).values_list(
            "object_id", "text_hash"
        )
    )
    pending = [(pk, text) for pk, text in _texts(kind).items() if stored.get(pk) != _hash(text)]
    for start in range(0, len(pending), batch_size):
        batch = pending[start : start + batch_size]
        texts = [text for _pk, text in batch]
        for role, vectors in (
            (Embedding.Role.QUERY, embedder.queries(texts)),
            (Embedding.Role.PASSAGE, embedder.passages(texts)),
        ):
            for (pk, text), vector in zip(batch, vectors, strict=True):
                Embedding.objects.update_or_create(
                    kind=kind,
                    object_id=pk,
                    role=role,
                    model_name=embedder.name,
                    defaults={"text_hash": _hash(text), "vector": to_bytes(vector)},
                )
    return len(pending)
