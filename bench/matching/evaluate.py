"""Ranking quality of the matcher on the labelled set in this folder.

    .venv/bin/python bench/matching/evaluate.py

Prints nDCG@10 and recall@10 (grade ≥ 2 counts as relevant) for the matcher, a BM25 baseline over Norwegian
stems, and the sentence embeddings alone, for the development set (30 challenges, which the weights were chosen
on), the held-out set (`heldout/`, 20 challenges, used to check choices made on the development set) and the
blind test set (`test/`, 24 challenges, never used for choosing anything), each also for its paraphrased and
nynorsk challenges. All three rank the same 60 enterprises."""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import django  # noqa: E402

django.setup()

from samvei.matching.concepts import centroids  # noqa: E402
from samvei.matching.embeddings import combined, combined_embeddings, default_embedder  # noqa: E402
from samvei.matching.inference import inferred_target_groups, inferred_welfare_areas  # noqa: E402
from samvei.matching.profiles import stated_or_inferred  # noqa: E402
from samvei.matching.scoring import Profile, bm25, rank_organisations  # noqa: E402

K = 10


def load(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]


def challenge_profile(c: dict[str, Any]) -> Profile:
    text = f"{c['title']}\n{c['description']}"
    return Profile(
        key=c["id"],
        text=text,
        welfare_areas=stated_or_inferred(c["welfare_areas"], text, inferred_welfare_areas),
        target_groups=stated_or_inferred(c["target_groups"], text, inferred_target_groups),
        municipalities=frozenset({c["municipality"]}),
        counties=frozenset({c["municipality"][:2]}),
    )


def enterprise_profile(e: dict[str, Any]) -> Profile:
    text = f"{e['name']}\n{e['description']}"
    return Profile(
        key=e["id"],
        text=text,
        welfare_areas=stated_or_inferred((), text, inferred_welfare_areas),
        target_groups=stated_or_inferred((), text, inferred_target_groups),
        municipalities=frozenset(e["municipalities"]),
        counties=frozenset(m[:2] for m in e["municipalities"]),
        national=e["national"],
    )


def ndcg(ranked: list[str], grades: dict[str, int]) -> float:
    gain = sum((2 ** grades.get(key, 0) - 1) / math.log2(i + 2) for i, key in enumerate(ranked[:K]))
    ideal = sorted(grades.values(), reverse=True)[:K]
    best = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return gain / best if best else 0.0


def recall(ranked: list[str], grades: dict[str, int]) -> float:
    relevant = {key for key, grade in grades.items() if grade >= 2}
    return len(relevant & set(ranked[:K])) / len(relevant) if relevant else 0.0


def evaluate(folder: str, enterprises: list[dict[str, Any]], enterprise_vectors: np.ndarray) -> None:
    challenges = load(f"{folder}challenges.jsonl")
    grades: dict[str, dict[str, int]] = {}
    for row in load(f"{folder}qrels.jsonl"):
        grades.setdefault(row["challenge"], {})[row["enterprise"]] = row["grade"]
    embedder = default_embedder()
    texts = [f"{c['title']}\n{c['description']}" for c in challenges]
    # The matcher reads both sides through their query and passage embeddings combined, as the app does.
    queries = embedder.queries(texts)
    both = np.vstack([combined(q, p) for q, p in zip(queries, embedder.passages(texts), strict=True)])
    profiles = [enterprise_profile(e) for e in enterprises]
    passages = embedder.passages([p.text for p in profiles])
    keys = [e["id"] for e in enterprises]
    methods: dict[str, Callable[[int, dict[str, Any]], list[str]]] = {
        "Matcher (all signals)": lambda i, c: [
            str(s.key)
            for s in rank_organisations(
                challenge_profile(c), both[i], profiles, enterprise_vectors, concepts=centroids(embedder)
            )
        ],
        "Matcher without concept profiles": lambda i, c: [
            str(s.key) for s in rank_organisations(challenge_profile(c), both[i], profiles, enterprise_vectors)
        ],
        "BM25 (Norwegian stems)": lambda i, c: [
            keys[j] for j in np.argsort(-bm25(challenge_profile(c).text, [p.text for p in profiles]), kind="stable")
        ],
        "Embeddings alone (E5 query → passage)": lambda i, c: [
            keys[j] for j in np.argsort(-(passages @ queries[i]), kind="stable")
        ],
        "Embeddings alone (E5, both roles combined)": lambda i, c: [
            keys[j] for j in np.argsort(-(enterprise_vectors @ both[i]), kind="stable")
        ],
    }
    subsets = {
        "all": challenges,
        "paraphrased": [c for c in challenges if c["paraphrased"]],
        "nynorsk": [c for c in challenges if c["language"] == "nn"],
    }
    index = {c["id"]: i for i, c in enumerate(challenges)}
    name = folder.strip("/") or "development"
    print(f"\n{name}: {len(challenges)} challenges × {len(enterprises)} enterprises\n")
    print(
        f"| Method | nDCG@{K} | recall@{K} | nDCG@{K} paraphrased ({len(subsets['paraphrased'])}) "
        f"| nDCG@{K} nynorsk ({len(subsets['nynorsk'])}) |"
    )
    print("|---|---:|---:|---:|---:|")
    for method, ranker in methods.items():
        ranked = {c["id"]: ranker(index[c["id"]], c) for c in challenges}
        values = [
            np.mean([ndcg(ranked[c["id"]], grades[c["id"]]) for c in subsets["all"]]),
            np.mean([recall(ranked[c["id"]], grades[c["id"]]) for c in subsets["all"]]),
            np.mean([ndcg(ranked[c["id"]], grades[c["id"]]) for c in subsets["paraphrased"]]),
            np.mean([ndcg(ranked[c["id"]], grades[c["id"]]) for c in subsets["nynorsk"]]),
        ]
        print(f"| {method} | " + " | ".join(f"{value:.3f}" for value in values) + " |")


def main() -> None:
    enterprises = load("enterprises.jsonl")
    embedder = default_embedder()
    texts = [enterprise_profile(e).text for e in enterprises]
    vectors = combined_embeddings(embedder, texts)
    for folder in ("", "heldout/", "test/"):
        evaluate(folder, enterprises, vectors)


if __name__ == "__main__":
    main()
