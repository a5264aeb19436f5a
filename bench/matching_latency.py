"""Matching latency on the configured database: ranks organisations for a sample of challenges and open
challenges for a sample of organisations through the same selectors the pages, the API and `manage.py match`
use, and prints p50, p95 and max in milliseconds for each direction, plus what loading the in-memory indexes
cost the process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samvei_bench .venv/bin/python bench/matching_latency.py

Run `refresh_embeddings` first: the figures are for stored profiles and embeddings."""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "false")

import django

django.setup()

from samvei.challenges.models import Challenge  # noqa: E402
from samvei.matching.index import current_index  # noqa: E402
from samvei.matching.models import MatchProfile  # noqa: E402
from samvei.matching.selectors import challenges_for_organisation, organisations_for_challenge  # noqa: E402
from samvei.organisations.models import Organisation  # noqa: E402


def _timed(calls: list[Callable[[], object]], rounds: int) -> list[float]:
    timings = []
    for _ in range(rounds):
        for call in calls:
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
    return sorted(timings)


def _report(label: str, timings: list[float]) -> None:
    p95 = timings[max(int(len(timings) * 0.95) - 1, 0)]
    print(f"{label}: {len(timings)} calls, p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
          f"max {timings[-1]:.1f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    profiles = MatchProfile.objects.filter(active=True)
    print(f"active profiles: {profiles.filter(kind='organisation').count()} organisations, "
          f"{profiles.filter(kind='challenge').count()} challenges")  # fmt: skip
    for kind in ("organisation", "challenge"):
        started = time.perf_counter()
        with current_index(kind) as index:
            size = len(index)
        print(f"loading the {kind} index: {size} rows in {time.perf_counter() - started:.1f} s")
    print(f"peak RSS after loading: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    challenge_ids = list(Challenge.objects.filter(status__in=Challenge.OPEN_FOR_PITCHES).values_list("pk", flat=True))
    organisation_ids = list(profiles.filter(kind="organisation").values_list("object_id", flat=True))
    challenges = Challenge.objects.in_bulk(rng.sample(challenge_ids, min(options.sample, len(challenge_ids))))
    organisations = Organisation.objects.in_bulk(
        rng.sample(organisation_ids, min(options.sample, len(organisation_ids)))
    )
    _report(
        "organisations for a challenge",
        _timed([partial(organisations_for_challenge, challenge=c, limit=10) for c in challenges.values()],
               options.rounds),
    )  # fmt: skip
    _report(
        "challenges for an organisation",
        _timed([partial(challenges_for_organisation, organisation=o, limit=10) for o in organisations.values()],
               options.rounds),
    )  # fmt: skip
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
