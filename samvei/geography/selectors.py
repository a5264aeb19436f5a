from __future__ import annotations

from django.db.models import Q, QuerySet

from .models import County, Municipality, PlaceName, names_in_force


def county_list() -> QuerySet[County]:
    return County.objects.prefetch_related("names")


def municipality_list(*, county_number: str | None = None) -> QuerySet[Municipality]:
    municipalities = (
        Municipality.objects.select_related("county", "organisation").prefetch_related("names").order_by("name")
    )
    if county_number:
        municipalities = municipalities.filter(county__number=county_number)
    return municipalities


def municipality_search(*, county_number: str | None = None, name: str = "") -> list[Municipality]:
    """Match names case-insensitively in Python: SQLite's LIKE folds only ASCII, so «ålesund» would miss
    «Ålesund». There are 357 rows, so this costs nothing. Every official name counts: «tråante» finds
    Trondheim."""
    needle = name.strip().casefold()
    return [
        municipality
        for municipality in municipality_list(county_number=county_number)
        if needle in municipality.name.casefold()
        or any(needle in name.name.casefold() for name in municipality.official_names)
    ]


def official_names_of(*, organisation_id: int) -> list[str]:
    """The official names of the municipality or county an organisation is, in force today, so that search
    finds Trondheim kommune by «Tråante» (search/providers.py indexes them as aliases)."""
    names = PlaceName.objects.filter(
        Q(municipality__organisation=organisation_id) | Q(county__organisation=organisation_id)
    )
    return [name.name for name in names_in_force(names)]
