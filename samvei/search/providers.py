"""The searchable kinds of content. To add one: a Provider with its model, its public objects and how one
object becomes a document."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from samvei.challenges.models import Challenge
from samvei.cookbook.models import BlogPost, Case, FundingScheme, Myth, Recipe
from samvei.core.models import published
from samvei.geography.selectors import official_names_of
from samvei.organisations.models import Organisation, alias_lines
from samvei.procurement.citations import cite_plain

from .registry import DocumentData, Provider, register


def _codes(obj: object) -> list[str]:
    return [area.code for area in obj.welfare_areas.all()]  # type: ignore[attr-defined]


def _areas(obj: object) -> str:
    """The names of the welfare areas a page is tagged with, so that a word only the area's name holds finds it
    («frafall» finds a page tagged «Skole og frafall» that says «slutter på skolen»)."""
    return " ".join(f"{area.name_nb}." for area in obj.welfare_areas.all())  # type: ignore[attr-defined]


@dataclass(frozen=True)
class Extras:
    """What the index needs of a document beyond `DocumentData`: names it is also known by (searched like its
    title) and whether it is a fictional example (ranked below a real entry that matches as well)."""

    aliases: str = ""
    is_example: bool = False


# Kind → model and the fields of it that hold aliases and the example flag.
_EXTRAS: dict[str, tuple[type[models.Model], str, str]] = {
    "organisation": (Organisation, "aliases", "is_example"),
    "challenge": (Challenge, "", "is_example"),
    "case": (Case, "aliases", ""),
}


def document_extras(kind: str, object_id: int) -> Extras:
    """Read by the backends as they write a document: `DocumentData` (registry.py) has no place for these yet."""
    if kind not in _EXTRAS:
        return Extras()
    model, aliases, is_example = _EXTRAS[kind]
    fields = [name for name in (aliases, is_example) if name]
    row = model._default_manager.filter(pk=object_id).values(*fields).first() or {}
    names = alias_lines(row.get(aliases, ""))
    if kind == "organisation":
        names += official_names_of(organisation_id=object_id)
    return Extras(aliases="\n".join(dict.fromkeys(names)), is_example=bool(row.get(is_example)))


def _organisation(org: Organisation) -> DocumentData:
    counties = {m.county.number for m in org.municipalities.all()} | {c.number for c in org.counties.all()}
    if org.municipality is not None:
        counties.add(org.municipality.county.number)
    if org.county is not None:
        counties.add(org.county.number)
    return DocumentData(
        title=org.name,
        body="\n".join(
            part for part in (org.short_name, org.description, org.mission, org.services, _areas(org)) if part
        ),
        url=org.get_absolute_url(),
        welfare_areas=_codes(org),
        counties=sorted(counties),
    )


def _challenge(challenge: Challenge) -> DocumentData:
    county = challenge.municipality.county.number if challenge.municipality else ""
    return DocumentData(
        title=challenge.title,
        body="\n".join(
            p for p in (challenge.description, challenge.affected, challenge.desired_outcomes, _areas(challenge)) if p
        ),
        url=challenge.get_absolute_url(),
        welfare_areas=_codes(challenge),
        counties=[county] if county else [],
    )


def _cited(text: str) -> str:
    """Law tokens as the words a reader sees, so that «1 300 000 kroner» is found and «[[terskel:…]]» is not."""
    with translation.override("nb"):
        return cite_plain(text, day=timezone.localdate())


def _recipe(recipe: Recipe) -> DocumentData:
    steps = "\n".join(f"{step.title_nb}\n{step.body_nb}" for step in recipe.steps.all())
    return DocumentData(
        title=recipe.title_nb,
        body=_cited(f"{recipe.summary_nb}\n{recipe.intro_nb}\n{steps}\n{_areas(recipe)}"),
        url=recipe.get_absolute_url(),
        welfare_areas=_codes(recipe),
    )


def _myth(myth: Myth) -> DocumentData:
    from django.urls import reverse

    return DocumentData(
        title=myth.claim_nb, body=_cited(f"{myth.fact_nb}\n{myth.legal_source}"), url=reverse("cookbook:myths")
    )


def _case(case: Case) -> DocumentData:
    return DocumentData(
        title=case.title_nb,
        body=f"{case.summary_nb}\n{case.organisations}\n{case.lessons_nb}\n{_areas(case)}",
        url=case.get_absolute_url(),
        welfare_areas=_codes(case),
        counties=sorted({m.county.number for m in case.municipalities.all()}),
    )


def _funding(scheme: FundingScheme) -> DocumentData:
    return DocumentData(
        title=scheme.name,
        body=f"{scheme.funder}\n{scheme.description_nb}\n{scheme.criteria_nb}\n{_areas(scheme)}",
        url=scheme.get_absolute_url(),
        welfare_areas=_codes(scheme),
    )


def _post(post: BlogPost) -> DocumentData:
    return DocumentData(title=post.title_nb, body=post.body_nb, url=post.get_absolute_url())


register(
    Provider(
        kind="organisation",
        label=_("Organisations"),
        model=Organisation,
        public=lambda: Organisation.objects.select_related("municipality__county", "county").prefetch_related(
            "welfare_areas", "municipalities__county", "counties"
        ),
        document=_organisation,
    )
)
register(
    Provider(
        kind="challenge",
        label=_("Challenges"),
        model=Challenge,
        public=lambda: (
            published(Challenge.objects.all()).select_related("municipality__county").prefetch_related("welfare_areas")
        ),
        document=_challenge,
    )
)
register(
    Provider(
        kind="recipe",
        label=_("Recipes"),
        model=Recipe,
        public=lambda: Recipe.objects.published().prefetch_related("steps", "welfare_areas"),
        document=_recipe,
    )
)
register(Provider(kind="myth", label=_("Myths"), model=Myth, public=lambda: Myth.objects.published(), document=_myth))
register(
    Provider(
        kind="case",
        label=_("Cases"),
        model=Case,
        public=lambda: Case.objects.published().prefetch_related("welfare_areas", "municipalities__county"),
        document=_case,
    )
)
register(
    Provider(
        kind="funding",
        label=_("Funding schemes"),
        model=FundingScheme,
        public=lambda: FundingScheme.objects.published().prefetch_related("welfare_areas"),
        document=_funding,
    )
)
register(
    Provider(
        kind="post",
        label=_("Blog posts"),
        model=BlogPost,
        public=lambda: BlogPost.objects.published(),
        document=_post,
    )
)
