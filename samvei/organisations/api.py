from datetime import date

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from typing_extensions import TypeAliasType

from samvei.core.api_pagination import CountItemsPagination
from samvei.geography.models import County, EntryPoint, Municipality, PlaceName
from samvei.geography.schemas import CountyOut, EntryPointOut, PlaceNameOut
from samvei.geography.selectors import municipality_list
from samvei.taxonomy.models import TargetGroup, WelfareArea
from samvei.taxonomy.schemas import TermOut

from .models import ContactPoint, Organisation
from .selectors import OrganisationFilters, contact_point_list, municipality_with_organisation, organisation_list

router = Router()

# Named for the OpenAPI document after model and enum, so that no two nested enums share a component.
MunicipalityWrittenLanguage = TypeAliasType("MunicipalityWrittenLanguage", Municipality.WrittenLanguage)
OrganisationKind = TypeAliasType("OrganisationKind", Organisation.Kind)


class MunicipalityOut(Schema):
    number: str
    name: str
    names: list[PlaceNameOut]
    county: CountyOut
    administrative_centre: str
    population: int
    area_km2: float
    written_language: MunicipalityWrittenLanguage
    website: str
    org_number: str | None
    url: str

    @staticmethod
    def resolve_names(obj: Municipality) -> list[PlaceName]:
        return obj.official_names

    @staticmethod
    def resolve_org_number(obj: Municipality) -> str | None:
        organisation = getattr(obj, "organisation", None)
        return organisation.org_number if organisation else None

    @staticmethod
    def resolve_url(obj: Municipality) -> str:
        return obj.get_absolute_url()


class ContactPointOut(Schema):
    unit: str
    role_title: str
    person_name: str
    email: str
    phone: str
    welfare_areas: list[TermOut]
    decides_on: str
    is_entry_contact: bool
    last_confirmed_on: date
    possibly_outdated: bool = Field(alias="is_possibly_outdated")
    is_example: bool


class MunicipalityDetailOut(MunicipalityOut):
    contact_points: list[ContactPointOut]
    entry_points: list[EntryPointOut] = Field(
        description="Addresses for new ideas the municipality states itself; empty when none is verified."
    )

    @staticmethod
    def resolve_entry_points(obj: Municipality) -> list[EntryPoint]:
        return list(obj.entry_points.all())

    @staticmethod
    def resolve_contact_points(obj: Municipality) -> list[ContactPoint]:
        organisation = getattr(obj, "organisation", None)
        return contact_point_list(organisation=organisation) if organisation else []


class MunicipalityFilters(Schema):
    county: str | None = Field(None, pattern=r"^[0-9]{2}$", description="County number (two digits), e.g. 11")


class DocumentedResultOut(Schema):
    text: str
    figure: str
    source_url: str


class OrganisationOut(Schema):
    org_number: str | None
    name: str
    slug: str
    kind: OrganisationKind
    organisation_form: str
    description: str
    website: str
    welfare_areas: list[TermOut]
    target_groups: list[TermOut]
    municipalities: list[str]
    counties: list[str]
    national: bool
    is_example: bool
    url: str

    @staticmethod
    def resolve_municipalities(obj: Organisation) -> list[str]:
        return [municipality.number for municipality in obj.municipalities.all()]

    @staticmethod
    def resolve_counties(obj: Organisation) -> list[str]:
        return [county.number for county in obj.counties.all()]

    @staticmethod
    def resolve_url(obj: Organisation) -> str:
        return obj.get_absolute_url()


class OrganisationDetailOut(OrganisationOut):
    mission: str
    services: str
    contact_email: str
    contact_phone: str
    results: list[DocumentedResultOut]
    source_urls: list[str]

    @staticmethod
    def resolve_source_urls(obj: Organisation) -> list[str]:
        return [line for line in obj.source_urls.splitlines() if line.strip()]


class OrganisationQuery(Schema):
    kind: OrganisationKind | None = None
    welfare_area: str | None = Field(None, max_length=50, description="Welfare-area code, e.g. elderly-care")
    target_group: str | None = Field(None, max_length=50, description="Target-group code, e.g. youth")
    municipality: str | None = Field(None, pattern=r"^[0-9]{4}$", description="Municipality number, e.g. 1103")
    county: str | None = Field(None, pattern=r"^[0-9]{2}$", description="County number, e.g. 11")
    q: str = Field("", max_length=200, description="Words that must all occur in the name or description")


def _unknown(kind: str, value: str) -> HttpError:
    return HttpError(422, _("Unknown %(kind)s: %(value)s.") % {"kind": kind, "value": value})


def _check_references(query: OrganisationQuery) -> None:
    if query.welfare_area and not WelfareArea.objects.filter(code=query.welfare_area).exists():
        raise _unknown(_("welfare area"), query.welfare_area)
    if query.target_group and not TargetGroup.objects.filter(code=query.target_group).exists():
        raise _unknown(_("target group"), query.target_group)
    if query.municipality and not Municipality.objects.filter(number=query.municipality).exists():
        raise _unknown(_("municipality"), query.municipality)
    if query.county and not County.objects.filter(number=query.county).exists():
        raise _unknown(_("county"), query.county)


@router.get("/municipalities", response=list[MunicipalityOut], summary="List municipalities", tags=["municipalities"])
@paginate(CountItemsPagination)
def municipality_list_api(request: HttpRequest, filters: Query[MunicipalityFilters]) -> list[Municipality]:
    if filters.county and not County.objects.filter(number=filters.county).exists():
        raise HttpError(422, _("There is no county with number %(number)s.") % {"number": filters.county})
    return municipality_list(county_number=filters.county)  # type: ignore[return-value]


@router.get(
    "/municipalities/{number}",
    response=MunicipalityDetailOut,
    summary="Get one municipality with its contact points",
    tags=["municipalities"],
)
def municipality_detail_api(request: HttpRequest, number: str) -> Municipality:
    try:
        return municipality_with_organisation(number=number)
    except Municipality.DoesNotExist as error:
        raise HttpError(404, _("There is no municipality with number %(number)s.") % {"number": number}) from error


@router.get("/organisations", response=list[OrganisationOut], summary="List organisations", tags=["organisations"])
@paginate(CountItemsPagination)
def organisation_list_api(request: HttpRequest, query: Query[OrganisationQuery]) -> list[Organisation]:
    _check_references(query)
    filters = OrganisationFilters(
        **{key: value or None for key, value in query.dict().items() if key != "q"}, q=query.q
    )
    return organisation_list(filters=filters)  # type: ignore[return-value]


@router.get(
    "/organisations/{org_number}",
    response=OrganisationDetailOut,
    summary="Get one organisation by organisation number",
    tags=["organisations"],
)
def organisation_detail_api(request: HttpRequest, org_number: str) -> Organisation:
    organisation = (
        organisation_list(filters=OrganisationFilters())
        .prefetch_related("results")
        .filter(org_number=org_number)
        .first()
    )
    if organisation is None:
        raise HttpError(404, _("No organisation has the number %(number)s.") % {"number": org_number})
    return organisation
