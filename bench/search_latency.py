"""Search latency on the configured database: runs a fixed list of Norwegian queries several times through the
same selector the page and the API use, and prints p50, p95 and max in milliseconds.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samvei_scale .venv/bin/python bench/search_latency.py"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "false")

import django

django.setup()

from samvei.search.models import SearchDocument  # noqa: E402
from samvei.search.selectors import search  # noqa: E402

QUERIES = [
    "eldre", "demens", "ungdom", "ungdomar", "arbeidstrening", "flyktninger", "bolig", "rus", "pårørende",
    "nettbrett eldre", "besøksvenner sykehjem", "frafall videregående", "kommuna", "friluftsliv", "ombruk møbler",
    "psykisk helse unge", "lav inntekt familier", "løslatte mentor", "barnevern ettervern", "dagtilbud demens",
]  # fmt: skip
ROUNDS = 5


def main() -> None:
    timings = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            started = time.perf_counter()
            search(query=query)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"documents: {SearchDocument.objects.count()}, queries: {len(timings)}")
    print(f"p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms")


if __name__ == "__main__":
    main()
