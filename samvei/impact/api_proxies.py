"""The financial proxies in the open API: the study's own figure and, where the index allows, today's kroner."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from samvei.core.api_pagination import CountItemsPagination

from .selectors.proxies import ProxyRow, proxy_rows

router = Router(tags=["impact"])


class ProxySourceOut(Schema):
    title: str
    url: str


class FinancialProxyOut(Schema):
    key: str
    name_nb: str
    name_en: str
    description_nb: str
    description_en: str
    value_nok: Decimal = Field(description="In kroner of the price year, as the study gave it")
    unit_nb: str
    unit_en: str
    year: int = Field(description="The price year of value_nok")
    source: ProxySourceOut
    source_date: date = Field(description="The date the source speaks of")
    verified_on: date
    verified: bool
    secondary_source: bool
    value_in_newest_kroner: Decimal | None = Field(
        description="value_nok moved by the consumer price index; null when the price year has no index"
    )
    newest_index_year: int | None = Field(description="The year whose kroner value_in_newest_kroner is in")


def _out(row: ProxyRow) -> FinancialProxyOut:
    proxy = row.proxy
    return FinancialProxyOut(
        key=proxy.key,
        name_nb=proxy.name_nb,
        name_en=proxy.name_en,
        description_nb=proxy.description_nb,
        description_en=proxy.description_en,
        value_nok=proxy.value_nok,
        unit_nb=proxy.unit_nb,
        unit_en=proxy.unit_en,
        year=proxy.year,
        source=ProxySourceOut(title=proxy.source.title, url=proxy.source.url),
        source_date=proxy.source_date,
        verified_on=proxy.verified_on,
        verified=proxy.verified,
        secondary_source=row.secondary,
        value_in_newest_kroner=row.kroner.value if row.kroner else None,
        newest_index_year=row.kroner.year if row.kroner else None,
    )


@router.get("/impact/proxies", response=list[FinancialProxyOut], summary="Financial proxies")
@paginate(CountItemsPagination)
def proxy_list(request: HttpRequest) -> list[FinancialProxyOut]:
    """Every financial proxy, with its source and its value in the kroner of the newest indexed year. The library
    is small reference data, so the whole list is indexed at once, reading the series a single time."""
    return [_out(row) for row in proxy_rows()]
