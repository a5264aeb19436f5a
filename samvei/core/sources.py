"""Loading `Source` rows from the JSON files that sit beside each app's reference data."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .models import Source


def sources_sync(*, path: Path, using: str = "default") -> dict[str, Source]:
    """Create or update the sources listed in `path`; returns them by key."""
    sources: dict[str, Source] = {}
    for entry in json.loads(path.read_text(encoding="utf-8")):
        fields = {
            "title": entry["title"],
            "publisher": entry.get("publisher", ""),
            "url": entry.get("url", ""),
            "licence": entry.get("licence", ""),
            "retrieved_on": date.fromisoformat(entry["retrieved_on"]) if entry.get("retrieved_on") else None,
            "note": entry.get("note", ""),
        }
        source, _created = Source.objects.using(using).update_or_create(key=entry["key"], defaults=fields)
        sources[source.key] = source
    return sources
