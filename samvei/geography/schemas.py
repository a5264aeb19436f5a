"""API shapes of geography, shared by every app whose API shows a county."""

from datetime import date

from ninja import Schema
from typing_extensions import TypeAliasType

from .models import County, EntryPoint, PlaceName

PlaceNameLanguage = TypeAliasType("PlaceNameLanguage", PlaceName.Language)


class CountyOut(Schema):
    number: str
    name: str


class PlaceNameOut(Schema):
    """One official name; `language` is an ISO 639 code (no, se, smj, sma, fkv)."""

    name: str
    language: PlaceNameLanguage
    language_verified: bool
    valid_from: date | None


class CountyWithNamesOut(CountyOut):
    names: list[PlaceNameOut]

    @staticmethod
    def resolve_names(obj: County) -> list[PlaceName]:
        return obj.official_names


class EntryPointOut(Schema):
    """An address for new ideas that the place states itself, with the page that states it."""

    email: str
    postal_address: str
    page_url: str
    source_title: str
    source_url: str
    source_date: date | None
    checked_on: date
    possibly_outdated: bool

    @staticmethod
    def resolve_source_title(obj: EntryPoint) -> str:
        return obj.source.title
