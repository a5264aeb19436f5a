"""One rule decides what is published: `PublishableQuerySet.published()` and `published()` for a queryset, and
`is_published()` for one object, agree for every model with a publication state."""

import pytest

from samvei.challenges.models import Challenge
from samvei.challenges.tests.factories import ChallengeFactory
from samvei.cookbook.models import BlogPost, Recipe
from samvei.cookbook.tests.factories import (
    BlogPostFactory,
    CaseFactory,
    FundingSchemeFactory,
    MythFactory,
    RecipeFactory,
)
from samvei.core.models import is_published, published

pytestmark = pytest.mark.django_db


def test_published_leaves_out_drafts():
    shown = RecipeFactory()
    RecipeFactory(status=Recipe.Status.DRAFT)

    assert list(Recipe.objects.published()) == [shown]


@pytest.mark.parametrize("factory", [RecipeFactory, MythFactory, CaseFactory, FundingSchemeFactory, BlogPostFactory])
def test_every_cookbook_model_answers_published(factory):
    shown = factory()
    draft = factory(status="draft")
    model = type(shown)

    assert set(model.objects.published()) == {shown}
    assert is_published(shown)
    assert not is_published(draft)


def test_a_post_marked_published_without_a_publication_time_is_not_published():
    post = BlogPostFactory(published_at=None)

    assert not BlogPost.objects.published().filter(pk=post.pk).exists()
    assert not is_published(post)


@pytest.mark.parametrize(
    ("status", "public"),
    [
        ("draft", False),
        ("published", True),
        ("in_dialogue", True),
        ("partner_chosen", True),
        ("closed", True),
        ("withdrawn", False),
    ],
)
def test_a_challenge_is_published_in_its_public_statuses_only(status, public):
    challenge = ChallengeFactory(status=status)

    assert published(Challenge.objects.all()).filter(pk=challenge.pk).exists() is public
    assert is_published(challenge) is public


def test_a_challenge_in_a_public_status_without_a_publication_time_is_not_published():
    challenge = ChallengeFactory(status="published", published_at=None)

    assert not published(Challenge.objects.all()).filter(pk=challenge.pk).exists()
    assert not is_published(challenge)
