from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from samvei.core.api_pagination import CountItemsPagination

from .models import County, Municipality
from .selectors import county_list, municipality_get, municipality_list

router = Router(tags=["municipalities"])


class CountyOut(Schema):
    number: str
    name: str


class MunicipalityOut(Schema):
    number: str
    name: str
    sami_kven_name: str
    county: CountyOut
    administrative_centre: str
    population: int
    area_km2: float
    written_language: Municipality.WrittenLanguage
    website: str
    org_number: str | None
    url: str

    @staticmethod
    def resolve_org_number(obj: Municipality) -> str | None:
        organisation = getattr(obj, "organisation", None)
        return organisation.org_number if organisation else None

    @staticmethod
    def resolve_url(obj: Municipality) -> str:
        return obj.get_absolute_url()


class MunicipalityFilters(Schema):
    county: str | None = Field(None, pattern=r"^[0-9]{2}$", description="County number (two digits), e.g. 11")


@router.get("/counties", response=list[CountyOut], summary="List counties")
def county_list_api(request: HttpRequest) -> list[County]:
    return list(county_list())


@router.get("/municipalities", response=list[MunicipalityOut], summary="List municipalities")
@paginate(CountItemsPagination)
def municipality_list_api(request: HttpRequest, filters: Query[MunicipalityFilters]) -> list[Municipality]:
    if filters.county and not county_list().filter(number=filters.county).exists():
        raise HttpError(422, _("There is no county with number %(number)s.") % {"number": filters.county})
    return municipality_list(county_number=filters.county)  # type: ignore[return-value]


@router.get("/municipalities/{number}", response=MunicipalityOut, summary="Get one municipality")
def municipality_detail_api(request: HttpRequest, number: str) -> Municipality:
    try:
        return municipality_get(number=number)
    except Municipality.DoesNotExist as error:
        raise HttpError(404, _("There is no municipality with number %(number)s.") % {"number": number}) from error
