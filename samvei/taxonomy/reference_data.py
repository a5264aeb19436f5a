"""Welfare areas and target groups are policy, not code: they live in data/taxonomy.json."""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction

from .models import TargetGroup, Term, WelfareArea

TAXONOMY_FILE = Path(__file__).resolve().parent / "data" / "taxonomy.json"


def _sync(model: type[Term], entries: list[dict[str, str]], *, using: str) -> int:
    changed = 0
    for position, entry in enumerate(entries):
        values = {"name_nb": entry["nb"], "name_en": entry["en"], "position": position}
        term = model._default_manager.using(using).filter(code=entry["code"]).first()
        if term is None:
            model._default_manager.using(using).create(code=entry["code"], **values)
            changed += 1
        elif any(getattr(term, name) != value for name, value in values.items()):
            model._default_manager.using(using).filter(pk=term.pk).update(**values)
            changed += 1
    return changed


@transaction.atomic
def taxonomy_sync(*, using: str = "default") -> int:
    """Returns how many terms were created or changed."""
    data = json.loads(TAXONOMY_FILE.read_text(encoding="utf-8"))
    return _sync(WelfareArea, data["welfare_areas"], using=using) + _sync(
        TargetGroup, data["target_groups"], using=using
    )
