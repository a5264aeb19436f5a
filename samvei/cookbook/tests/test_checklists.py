"""The recipes' checklists come from data/recipes.json: they must load, every recipe must have one, and every item
must be shown on its recipe's page. Counts are taken from the file, so an empty load cannot pass."""

import json
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.html import escape

from samvei.cookbook.content_data import cookbook_content_load
from samvei.cookbook.models import ChecklistItem, Recipe
from samvei.organisations.tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db

RECIPES = json.loads((Path(__file__).resolve().parents[1] / "data" / "recipes.json").read_text(encoding="utf-8"))
ITEMS_BY_RECIPE = {
    recipe["slug"]: [item for step in recipe["steps"] for item in step.get("checklist") or []] for recipe in RECIPES
}


@pytest.fixture
def content(db):
    cookbook_content_load()


def test_the_data_file_gives_every_recipe_a_checklist():
    assert len(ITEMS_BY_RECIPE) >= 12
    assert [slug for slug, items in ITEMS_BY_RECIPE.items() if not items] == []
    items = [item for items in ITEMS_BY_RECIPE.values() for item in items]
    assert [item for item in items if not item["text_nb"].strip() or not item.get("text_en", "").strip()] == []


def test_every_checklist_item_in_the_file_is_loaded(content):
    for slug, items in ITEMS_BY_RECIPE.items():
        loaded = ChecklistItem.objects.filter(step__recipe__slug=slug).order_by("step__position", "position")

        assert [item.text_nb for item in loaded] == [item["text_nb"][:300] for item in items]
    assert ChecklistItem.objects.count() == sum(len(items) for items in ITEMS_BY_RECIPE.values()) > 0


@pytest.mark.parametrize("slug", sorted(ITEMS_BY_RECIPE))
def test_every_checklist_item_is_shown_on_its_recipe_page(client, content, slug):
    recipe = Recipe.objects.get(slug=slug)
    client.force_login(MembershipFactory().user)

    page = client.get(recipe.get_absolute_url()).content.decode()

    assert page.count('type="checkbox"') == len(ITEMS_BY_RECIPE[slug])
    assert [item["text_nb"] for item in ITEMS_BY_RECIPE[slug] if escape(item["text_nb"][:300]) not in page] == []


def test_the_english_recipe_page_shows_the_english_checklist(client, content):
    slug, items = next(iter(ITEMS_BY_RECIPE.items()))
    with translation.override("en"):
        url = Recipe.objects.get(slug=slug).get_absolute_url()

    page = client.get(url).content.decode()

    assert url.startswith("/en/")
    assert [item["text_en"] for item in items if escape(item["text_en"][:300]) not in page] == []
