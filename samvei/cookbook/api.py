from datetime import date

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from typing_extensions import TypeAliasType

from samvei.core.api_pagination import CountItemsPagination
from samvei.procurement.citations import cite_in

from .models import FundingScheme, FundingSchemeSource, Myth, Recipe, RecipeStep
from .selectors import cases_published, funding_published, myths_published, recipes_published

router = Router(tags=["cookbook"])

# Named for the OpenAPI document after model and enum, so that no two nested enums share a component.
RecipeAudience = TypeAliasType("RecipeAudience", Recipe.Audience)


class TextFilter(Schema):
    q: str = Field("", max_length=200, description="Words that must all occur in the text")


class SourceOut(Schema):
    title: str
    url: str
    publisher: str
    retrieved_on: date | None


class ChecklistItemOut(Schema):
    text_nb: str
    text_en: str


class StepOut(Schema):
    title_nb: str
    title_en: str
    body_nb: str = Field(description="Markdown; law is cited as links to the rows in force today")
    body_en: str = Field(description="Markdown; law is cited as links to the rows in force today")
    checklist: list[ChecklistItemOut]

    @staticmethod
    def resolve_body_nb(obj: RecipeStep) -> str:
        return cite_in(obj.body_nb, language="nb", day=timezone.localdate())

    @staticmethod
    def resolve_body_en(obj: RecipeStep) -> str:
        return cite_in(obj.body_en, language="en", day=timezone.localdate())


class RecipeOut(Schema):
    slug: str
    audience: RecipeAudience
    title_nb: str
    title_en: str
    summary_nb: str
    summary_en: str
    steps: list[StepOut]
    cases: list[str]
    funding_schemes: list[str]
    sources: list[SourceOut]

    @staticmethod
    def resolve_cases(obj: Recipe) -> list[str]:
        return [case.slug for case in obj.cases.all()]

    @staticmethod
    def resolve_funding_schemes(obj: Recipe) -> list[str]:
        return [scheme.slug for scheme in obj.funding_schemes.all()]


class MythOut(Schema):
    slug: str
    claim_nb: str
    claim_en: str
    fact_nb: str = Field(description="Markdown; law is cited as links to the rows in force today")
    fact_en: str = Field(description="Markdown; law is cited as links to the rows in force today")
    legal_source: str

    @staticmethod
    def resolve_fact_nb(obj: Myth) -> str:
        return cite_in(obj.fact_nb, language="nb", day=timezone.localdate())

    @staticmethod
    def resolve_fact_en(obj: Myth) -> str:
        return cite_in(obj.fact_en, language="en", day=timezone.localdate())

    source: SourceOut


class EffectOut(Schema):
    text_nb: str
    text_en: str
    figure: str
    evidence: str = Field(description="independent, self_reported (by the enterprise) or retold (not measured)")
    source_url: str
    source_title: str
    source_date: date | None = Field(description="The date the source speaks of; null when it gives none.")
    checked_on: date | None = Field(description="When the figure was last checked against the source.")
    possibly_outdated: bool = Field(description="True when the figure is due for a new check against its source.")


class CaseOut(Schema):
    slug: str
    title_nb: str
    title_en: str
    summary_nb: str
    summary_en: str
    organisations: str
    collaboration_form_nb: str
    period: str
    effects: list[EffectOut]
    sources: list[SourceOut]


FundingSchemeApplicantKind = TypeAliasType("FundingSchemeApplicantKind", FundingScheme.ApplicantKind)
FundingSchemeSourceSupports = TypeAliasType("FundingSchemeSourceSupports", FundingSchemeSource.Supports)


class FundingFilter(TextFilter):
    applicant_kind: FundingSchemeApplicantKind | None = Field(
        None, description="Only schemes this legal form may apply to"
    )


class FundingFactSourceOut(Schema):
    supports: FundingSchemeSourceSupports = Field(description="Which fact the source stands behind")
    title: str
    url: str
    publisher: str
    source_date: date | None = Field(description="The date the source speaks of; null when it gives none.")
    checked_on: date = Field(description="When the fact was last checked against the source.")
    possibly_outdated: bool = Field(
        description="True when the fact is due for a new check: deadlines and amounts once their year is over."
    )


class FundingOut(Schema):
    slug: str
    former_slugs: list[str] = Field(description="Earlier slugs; their pages redirect here")
    name: str
    funder: str
    takes_applications: bool = Field(description="False for a fund that chooses its projects itself")
    selection_nb: str = Field(description="How projects are chosen, when the scheme takes no applications")
    selection_en: str
    applicant_kinds: list[FundingSchemeApplicantKind] = Field(
        description="Legal forms that may apply; empty if unknown"
    )
    description_nb: str
    description_en: str
    next_deadline: date | None
    url: str
    source_date: date | None = Field(description="The date the main source speaks of; null when it gives none.")
    checked_on: date = Field(description="When the scheme was last checked against its sources.")
    last_verified: date = Field(description="Deprecated: the same as checked_on.")
    possibly_outdated: bool = Field(description="True when criteria, amounts or deadlines may have changed since.")
    source: SourceOut
    fact_sources: list[FundingFactSourceOut]

    @staticmethod
    def resolve_applicant_kinds(obj: FundingScheme) -> list[str]:
        codes = set(FundingScheme.ApplicantKind.values)
        return [kind for kind in obj.applicant_kind_list if kind in codes]

    @staticmethod
    def resolve_former_slugs(obj: FundingScheme) -> list[str]:
        return obj.former_slug_list

    @staticmethod
    def resolve_last_verified(obj: FundingScheme) -> date:
        return obj.checked_on

    @staticmethod
    def resolve_possibly_outdated(obj: FundingScheme) -> bool:
        return obj.possibly_outdated()

    @staticmethod
    def resolve_fact_sources(obj: FundingScheme) -> list[FundingSchemeSource]:
        return list(obj.claim_sources.all())


def _matching(items: list[object], q: str, *fields: str) -> list[object]:
    words = q.casefold().split()
    return [
        item for item in items if all(any(w in str(getattr(item, f, "")).casefold() for f in fields) for w in words)
    ]


@router.get("/recipes", response=list[RecipeOut], summary="Recipes with steps and checklists")
@paginate(CountItemsPagination)
def recipe_list_api(request: HttpRequest, filters: Query[TextFilter]) -> list[object]:
    recipes = list(recipes_published().prefetch_related("steps__checklist", "cases", "funding_schemes", "sources"))
    return _matching(recipes, filters.q, "title_nb", "title_en", "summary_nb", "intro_nb")  # type: ignore[arg-type]


@router.get("/myths", response=list[MythOut], summary="Myths about public procurement, with the facts")
@paginate(CountItemsPagination)
def myth_list_api(request: HttpRequest, filters: Query[TextFilter]) -> list[object]:
    return _matching(list(myths_published()), filters.q, "claim_nb", "claim_en", "fact_nb", "fact_en")


@router.get("/cases", response=list[CaseOut], summary="Real cases with effects and sources")
@paginate(CountItemsPagination)
def case_list_api(request: HttpRequest, filters: Query[TextFilter]) -> list[object]:
    return _matching(list(cases_published()), filters.q, "title_nb", "summary_nb", "organisations")


@router.get("/funding", response=list[FundingOut], summary="Funding schemes")
@paginate(CountItemsPagination)
def funding_list_api(request: HttpRequest, filters: Query[FundingFilter]) -> list[object]:
    kind = filters.applicant_kind.value if filters.applicant_kind else None
    return _matching(list(funding_published(applicant_kind=kind)), filters.q, "name", "funder", "description_nb")
