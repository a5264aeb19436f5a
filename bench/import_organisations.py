"""Benchmark `organisations_import` on a generated Enhetsregisteret-shaped file.

Usage:
    .venv/bin/python bench/import_organisations.py --rows 100000
    DATABASE_URL=sqlite:////work/main/var/bench.sqlite3 .venv/bin/python bench/import_organisations.py --rows 1000000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samvei_bench .venv/bin/python bench/import_organisations.py

Runs against the configured database (config.settings.dev unless DJANGO_SETTINGS_MODULE says otherwise), which
must be migrated; use a database of its own (see bench/README.md), since the import writes every row. The input
is var/bench/enheter-<rows>.json, generated with bench/generate_enhetsregisteret.py when missing. The file is
imported twice: the first run creates the organisations, the second shows what an unchanged re-import costs.
Peak memory is the process's maximum resident set size so far (it never goes down), printed after each run.

DEBUG is off unless set: with DEBUG on, Django keeps the last 9 000 queries' SQL in memory, which for bulk
inserts is hundreds of megabytes and would hide what the import itself uses.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "false")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from generate_enhetsregisteret import generate  # noqa: E402

from samvei.organisations.importing import ImportReport, organisations_import  # noqa: E402
from samvei.organisations.models import Organisation  # noqa: E402


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def timed_import(*, path: Path, batch_size: int) -> tuple[ImportReport, float]:
    started = time.perf_counter()
    with path.open("rb") as file:
        report = organisations_import(stream=file, batch_size=batch_size)
    return report, time.perf_counter() - started


def describe(label: str, report: ImportReport, seconds: float) -> str:
    rows = report.created + report.updated + report.unchanged + report.rejected_count
    return (
        f"{label}: {rows} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s, peak RSS {peak_rss_mib():.0f} MiB "
        f"(created {report.created}, updated {report.updated}, unchanged {report.unchanged}, "
        f"rejected {report.rejected_count})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--file", type=Path, help="Input file (default: var/bench/enheter-<rows>.json).")
    parser.add_argument("--once", action="store_true", help="Skip the second, unchanged import.")
    arguments = parser.parse_args()

    path: Path = arguments.file or ROOT / "var" / "bench" / f"enheter-{arguments.rows}.json"
    if not path.exists():
        started = time.perf_counter()
        generate(path=path, rows=arguments.rows, seed=arguments.seed)
        print(f"Generated {path} in {time.perf_counter() - started:.1f} s")
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}; batch size {arguments.batch_size}")
    print(f"Before: {Organisation.objects.count()} organisations, peak RSS {peak_rss_mib():.0f} MiB")

    report, seconds = timed_import(path=path, batch_size=arguments.batch_size)
    print(describe("First run", report, seconds))
    if not arguments.once:
        report, seconds = timed_import(path=path, batch_size=arguments.batch_size)
        print(describe("Second run", report, seconds))
    print(f"After: {Organisation.objects.count()} organisations")


if __name__ == "__main__":
    main()
