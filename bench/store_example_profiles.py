"""Match profiles for the examples that `manage.py generate_demo` created, for the scale benchmark.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/samvei_bench .venv/bin/python bench/store_example_profiles.py

`refresh_embeddings` would embed every example's full text: about 25 texts a second per role on this 2-core
machine, so some 2½ hours for 100 000 organisations. The examples are built from a few hundred sentences, so
this script embeds each distinct text once, leaving out the name or title line and the «Vi holder til i …»
sentence, and stores the profiles through the same service (`profiles_refresh`) with those vectors. Everything
else in a profile (codes, reach, terms, text hash) is computed as usual. Ranking costs the same whatever the
vectors hold; only the vectors' content differs from a full `refresh_embeddings`."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
os.environ.setdefault("DEBUG", "false")

import django

django.setup()

from samvei.matching.embeddings import Vectors, combined_embeddings, default_embedder  # noqa: E402
from samvei.matching.services import profiles_refresh  # noqa: E402

PLACE = re.compile(r"\s*Vi holder til i [^.]+\.")
_cache: dict[str, Vectors] = {}


def _template(text: str) -> str:
    return PLACE.sub("", text.partition("\n")[2]).strip()


def vectorise(texts: dict[int, str]) -> dict[int, Vectors]:
    templates = {pk: _template(text) for pk, text in texts.items()}
    missing = sorted(set(templates.values()) - _cache.keys())
    if missing:
        _cache.update(zip(missing, combined_embeddings(default_embedder(), missing), strict=True))
    return {pk: _cache[template] for pk, template in templates.items()}


def main() -> None:
    for kind in ("organisation", "challenge"):
        started = time.perf_counter()
        changed = profiles_refresh(kind=kind, vectorise=vectorise, batch_size=1000)
        print(f"{kind}: {changed} profiles in {time.perf_counter() - started:.0f} s ({len(_cache)} distinct texts)")


if __name__ == "__main__":
    main()
