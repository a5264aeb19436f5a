"""The cookbook's starting content lives in data/*.json, written from the booklet and public sources. Loading
creates what is missing and never overwrites what editors have changed since.

A corrected text reaches an existing database through `replaces`: a record (or recipe step) lists, per field,
fingerprints of the texts earlier files shipped. A field still holding one of them was never edited, so it is
brought up to the file; a field an editor has changed matches none and is left alone."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from samvei.core.models import Source
from samvei.core.text import norwegian_slugify
from samvei.geography.models import Municipality
from samvei.organisations.models import Organisation
from samvei.taxonomy.models import WelfareArea

from .case_effects import case_effects_sync
from .models import BlogPost, Case, ChecklistItem, Myth, Publishable, Recipe, RecipeStep
from .selectors import funding_with_slugs

DATA_DIR = Path(__file__).resolve().parent / "data"
PUBLISHED = Publishable.Status.PUBLISHED


def _load(name: str) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    return data


def _missing(name: str, model: type[Publishable]) -> list[dict[str, Any]]:
    """The records of a file whose slug is not in the database yet."""
    existing = set(model._default_manager.values_list("slug", flat=True))
    return [record for record in _load(name) if record["slug"] not in existing]


def fingerprint(text: str) -> str:
    """A short, stable mark of a shipped text, so the file need not carry the old wording itself."""
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:16]


def shipped_text(record: dict[str, Any], name: str) -> str:
    """A field of a file's record as the database stores it: a list of names becomes one line."""
    value = record.get(name) or ""
    return ", ".join(value) if isinstance(value, list) else str(value)


def _refresh(obj: models.Model, record: dict[str, Any]) -> int:
    """Bring unedited fields of `obj` up to `record`; returns how many fields changed."""
    shipped: dict[str, list[str]] = record.get("replaces") or {}
    changed = []
    for name, marks in shipped.items():
        current, wanted = getattr(obj, name), shipped_text(record, name)
        if current != wanted and fingerprint(current) in marks:
            setattr(obj, name, wanted)
            changed.append(name)
    if changed:
        obj.full_clean()
        obj.save(update_fields=changed)
    return len(changed)


def _refresh_all() -> int:
    """Corrected texts for rows loaded from an earlier file and not edited since."""
    count = 0
    for model, name in ((Myth, "myths.json"), (Case, "cases.json"), (Recipe, "recipes.json")):
        rows = {row.slug: row for row in model._default_manager.all()}
        for record in _load(name):
            row = rows.get(record["slug"])
            if row is None:
                continue
            count += _refresh(row, record)
            if isinstance(row, Recipe):
                steps = {step.position: step for step in row.steps.all()}
                for position, step_record in enumerate(record.get("steps") or [], start=1):
                    if position in steps:
                        count += _refresh(steps[position], step_record)
    return count


def _source(*, url: str, title: str, publisher: str = "", retrieved_on: str | None = None) -> Source:
    key = norwegian_slugify(url.removeprefix("https://").removeprefix("http://"))[:100] or "kilde"
    source, _created = Source.objects.get_or_create(
        key=key,
        defaults={
            "title": title[:300] or url[:300],
            "url": url[:500],
            "publisher": publisher[:200],
            "retrieved_on": date.fromisoformat(retrieved_on) if retrieved_on else None,
        },
    )
    return source


def _areas(codes: list[str] | None) -> list[WelfareArea]:
    return list(WelfareArea.objects.filter(code__in=codes or []))


def _cases() -> int:
    records = _missing("cases.json", Case)
    for record in records:
        case = Case.objects.create(
            slug=record["slug"],
            status=PUBLISHED,
            title_nb=record["title_nb"],
            title_en=record.get("title_en") or "",
            summary_nb=record["summary_nb"],
            summary_en=record.get("summary_en") or "",
            aliases=shipped_text(record, "aliases"),
            organisations=shipped_text(record, "organisations")[:500],
            enterprise=Organisation.objects.filter(slug=record.get("enterprise_slug") or "").first(),
            collaboration_form_nb=record.get("collaboration_form_nb") or "",
            collaboration_form_en=record.get("collaboration_form_en") or "",
            funding_nb=record.get("funding_nb") or "",
            funding_en=record.get("funding_en") or "",
            period=record.get("period") or "",
            lessons_nb=record.get("lessons_nb") or "",
            lessons_en=record.get("lessons_en") or "",
        )
        case.municipalities.set(Municipality.objects.filter(number__in=record.get("municipalities") or []))
        case.welfare_areas.set(_areas(record.get("welfare_areas")))
        case.sources.set(
            [
                _source(
                    url=s["url"],
                    title=s.get("title", ""),
                    publisher=s.get("publisher", ""),
                    retrieved_on=s.get("accessed"),
                )
                for s in record.get("sources") or []
            ]
        )
    return len(records)


def _recipes() -> int:
    records = _missing("recipes.json", Recipe)
    for position, record in enumerate(records):
        recipe = Recipe.objects.create(
            slug=record["slug"],
            status=PUBLISHED,
            position=position,
            audience=record["audience"],
            title_nb=record["title_nb"],
            title_en=record.get("title_en") or "",
            summary_nb=record["summary_nb"],
            summary_en=record.get("summary_en") or "",
            intro_nb=record.get("intro_nb") or "",
            intro_en=record.get("intro_en") or "",
        )
        recipe.welfare_areas.set(_areas(record.get("welfare_areas")))
        recipe.cases.set(Case.objects.filter(slug__in=record.get("case_slugs") or []))
        recipe.funding_schemes.set(funding_with_slugs(slugs=record.get("funding_slugs") or []))
        recipe.sources.set(
            [
                _source(url=s["url"], title=s.get("title", ""), publisher=s.get("publisher", ""))
                for s in record.get("sources") or []
            ]
        )
        for step_position, step in enumerate(record["steps"], start=1):
            recipe_step = RecipeStep.objects.create(
                recipe=recipe,
                position=step_position,
                title_nb=step["title_nb"],
                title_en=step.get("title_en") or "",
                body_nb=step["body_nb"],
                body_en=step.get("body_en") or "",
            )
            ChecklistItem.objects.bulk_create(
                ChecklistItem(
                    step=recipe_step,
                    position=i,
                    text_nb=item["text_nb"][:300],
                    text_en=(item.get("text_en") or "")[:300],
                )
                for i, item in enumerate(step.get("checklist") or [], start=1)
            )
    return len(records)


def _myths() -> int:
    records = _missing("myths.json", Myth)
    for record in records:
        Myth.objects.create(
            slug=record["slug"],
            status=PUBLISHED,
            claim_nb=record["claim_nb"],
            claim_en=record.get("claim_en") or "",
            fact_nb=record["fact_nb"],
            fact_en=record.get("fact_en") or "",
            legal_source=record["legal_source"],
            source=_source(
                url=record["source_url"], title=record.get("source_title", ""), retrieved_on=record.get("verified_on")
            ),
        )
    return len(records)


def _blog() -> int:
    records = _missing("blog.json", BlogPost)
    for record in records:
        published = datetime.combine(
            date.fromisoformat(record["published_on"]), time(9), tzinfo=timezone.get_current_timezone()
        )
        BlogPost.objects.create(
            slug=record["slug"],
            status=PUBLISHED,
            title_nb=record["title_nb"],
            title_en=record.get("title_en") or "",
            body_nb=record["body_nb"],
            body_en=record.get("body_en") or "",
            tags=record.get("tags") or [],
            published_at=published,
        )
    return len(records)


@transaction.atomic
def cookbook_content_load() -> dict[str, int]:
    """Cases and funding first: recipes link to them. Rows already there get corrected texts first."""
    from .funding_data import funding_load  # it builds on this module's helpers

    updated = _refresh_all()
    return {
        "corrected texts": updated,
        "cases": _cases(),
        "cases with corrected effects": case_effects_sync(records=_load("cases.json")),
        **funding_load(),
        "recipes": _recipes(),
        "myths": _myths(),
        "blog posts": _blog(),
    }
