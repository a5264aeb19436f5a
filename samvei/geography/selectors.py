from __future__ import annotations

from django.db.models import QuerySet

from .models import County, Municipality


def county_list() -> QuerySet[County]:
    return County.objects.all()


def municipality_list(*, county_number: str | None = None) -> QuerySet[Municipality]:
    municipalities = Municipality.objects.select_related("county", "organisation").order_by("name")
    if county_number:
        municipalities = municipalities.filter(county__number=county_number)
    return municipalities


def municipality_search(*, county_number: str | None = None, name: str = "") -> list[Municipality]:
    """Match names case-insensitively in Python: SQLite's LIKE folds only ASCII, so «ålesund» would miss
    «Ålesund». There are 357 rows, so this costs nothing."""
    needle = name.strip().casefold()
    return [
        municipality
        for municipality in municipality_list(county_number=county_number)
        if needle in municipality.name.casefold() or needle in municipality.sami_kven_name.casefold()
    ]
