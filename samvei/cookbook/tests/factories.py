import datetime

import factory

from samvei.cookbook.models import BlogPost, Case, ChecklistItem, FundingScheme, Myth, Recipe, RecipeStep
from samvei.core.tests.factories import SourceFactory


class RecipeFactory(factory.django.DjangoModelFactory[Recipe]):
    class Meta:
        model = Recipe

    slug = factory.Sequence(lambda n: f"oppskrift-{n}")
    status = Recipe.Status.PUBLISHED
    audience = Recipe.Audience.PUBLIC_BODY
    title_nb = factory.Sequence(lambda n: f"Oppskrift {n}")
    title_en = factory.Sequence(lambda n: f"Recipe {n}")
    summary_nb = "Slik gjør du det."
    intro_nb = "**Viktig** innledning."


class StepFactory(factory.django.DjangoModelFactory[RecipeStep]):
    class Meta:
        model = RecipeStep

    recipe = factory.SubFactory(RecipeFactory)
    position = factory.Sequence(lambda n: n + 1)
    title_nb = "Første steg"
    body_nb = "Gjør dette."


class ChecklistItemFactory(factory.django.DjangoModelFactory[ChecklistItem]):
    class Meta:
        model = ChecklistItem

    step = factory.SubFactory(StepFactory)
    position = factory.Sequence(lambda n: n + 1)
    text_nb = factory.Sequence(lambda n: f"Punkt {n}")


class FundingSchemeFactory(factory.django.DjangoModelFactory[FundingScheme]):
    class Meta:
        model = FundingScheme

    slug = factory.Sequence(lambda n: f"ordning-{n}")
    status = FundingScheme.Status.PUBLISHED
    name = factory.Sequence(lambda n: f"Tilskudd {n}")
    funder = "Stiftelsen Eksempel"
    applicant_kinds = ["association"]
    description_nb = "Penger til gode formål."
    url = "https://example.org/tilskudd"
    source = factory.SubFactory(SourceFactory)
    source_date = datetime.date(2026, 1, 1)
    checked_on = datetime.date(2026, 11, 25)


class BlogPostFactory(factory.django.DjangoModelFactory[BlogPost]):
    class Meta:
        model = BlogPost

    slug = factory.Sequence(lambda n: f"innlegg-{n}")
    status = BlogPost.Status.PUBLISHED
    title_nb = factory.Sequence(lambda n: f"Innlegg {n}")
    body_nb = "Hei fra **Kokebokloggen**."
    tags = ["samarbeid"]
    published_at = factory.LazyFunction(lambda: datetime.datetime(2026, 11, 1, 9, tzinfo=datetime.UTC))


class CaseFactory(factory.django.DjangoModelFactory[Case]):
    class Meta:
        model = Case

    slug = factory.Sequence(lambda n: f"case-{n}")
    status = Case.Status.PUBLISHED
    title_nb = factory.Sequence(lambda n: f"Samarbeid {n}")
    summary_nb = "Kommunen og entreprenøren prøvde noe nytt."
    organisations = "Eksempel kommune"
    collaboration_form_nb = "Pilot"


class MythFactory(factory.django.DjangoModelFactory[Myth]):
    class Meta:
        model = Myth

    slug = factory.Sequence(lambda n: f"myte-{n}")
    status = Myth.Status.PUBLISHED
    claim_nb = factory.Sequence(lambda n: f"Påstand {n}")
    fact_nb = "Regelverket sier noe annet."
    legal_source = "Anskaffelsesforskriften"
    source = factory.SubFactory(SourceFactory)
