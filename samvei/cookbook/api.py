from datetime import date

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from typing_extensions import TypeAliasType

from samvei.core.api_pagination import CountItemsPagination

from .models import FundingScheme, Recipe
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
    body_nb: str
    body_en: str
    checklist: list[ChecklistItemOut]


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
    fact_nb: str
    fact_en: str
    legal_source: str
    source: SourceOut


class EffectOut(Schema):
    text_nb: str
    text_en: str
    figure: str
    source_url: str


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


class FundingOut(Schema):
    slug: str
    name: str
    funder: str
    applicant_kinds: list[str]
    description_nb: str
    description_en: str
    next_deadline: date | None
    url: str
    last_verified: date
    source: SourceOut

    @staticmethod
    def resolve_applicant_kinds(obj: FundingScheme) -> list[str]:
        return obj.applicant_kind_list


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
def funding_list_api(request: HttpRequest, filters: Query[TextFilter]) -> list[object]:
    return _matching(list(funding_published()), filters.q, "name", "funder", "description_nb")
