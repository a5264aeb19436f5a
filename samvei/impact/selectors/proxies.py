"""Financial proxies in today's kroner: a value from a study's price year, moved by the consumer price index to
the newest year the stored series holds. Past that year the value is not guessed: callers say which year's
kroner they show, and a proxy whose price year has no index is shown only as the study gave it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from ..models import FinancialProxy, PriceIndex
from ..reference_data import secondary_source_keys


@dataclass(frozen=True)
class Kroner:
    value: Decimal
    year: int


@dataclass(frozen=True)
class ProxyRow:
    """One proxy as the library shows it: the study's own figure, and the indexed one with the indices used."""

    proxy: FinancialProxy
    kroner: Kroner | None
    base_index: PriceIndex | None
    newest_index: PriceIndex | None
    secondary: bool


def newest_index() -> PriceIndex | None:
    return PriceIndex.objects.order_by("-year").first()


def _moved(*, value: Decimal, base: PriceIndex, newest: PriceIndex) -> Kroner:
    moved = (value * newest.value / base.value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return Kroner(value=moved, year=newest.year)


def in_newest_kroner(*, value: Decimal, year: int) -> Kroner | None:
    """`value`, in kroner of `year`, in kroner of the newest indexed year; None when either year has no index."""
    newest = newest_index()
    base = PriceIndex.objects.filter(year=year).first()
    if newest is None or base is None:
        return None
    return _moved(value=value, base=base, newest=newest)


def proxy_in_newest_kroner(*, proxy: FinancialProxy) -> Kroner | None:
    return in_newest_kroner(value=proxy.value_nok, year=proxy.year)


def price_series() -> QuerySet[PriceIndex]:
    return PriceIndex.objects.select_related("source").order_by("year")


def proxies_all() -> QuerySet[FinancialProxy]:
    return FinancialProxy.objects.select_related("source").order_by("name_nb", "pk")


def proxy_rows(*, proxies: list[FinancialProxy] | QuerySet[FinancialProxy] | None = None) -> list[ProxyRow]:
    """Every proxy (or the given ones) with its value in the newest indexed year, reading the series once."""
    indices = {index.year: index for index in PriceIndex.objects.all()}
    newest = indices[max(indices)] if indices else None
    secondary = secondary_source_keys()
    rows = []
    for proxy in proxies_all() if proxies is None else proxies:
        base = indices.get(proxy.year)
        kroner = _moved(value=proxy.value_nok, base=base, newest=newest) if base and newest else None
        rows.append(
            ProxyRow(
                proxy=proxy,
                kroner=kroner,
                base_index=base,
                newest_index=newest,
                secondary=proxy.source.key in secondary,
            )
        )
    return rows
