"""Wherever cookbook text leaves the page renderer (search index, the open API, the editor's preview), law tokens
are resolved from the rows; a reader never sees «[[terskel:…]]»."""

import pytest
from django.urls import reverse

from samvei.accounts.tests.factories import StaffFactory
from samvei.cookbook.tests.factories import MythFactory, StepFactory
from samvei.procurement.models import Rule
from samvei.search.models import SearchDocument
from samvei.search.services import rebuild_index

pytestmark = pytest.mark.django_db

FACT = "Fra [[terskel:lower_limit]] gjelder [[regel:climate-environment]]."


def test_the_search_index_holds_the_cited_words_not_the_tokens():
    MythFactory(fact_nb=FACT)
    rebuild_index(kinds=["myth"])

    body = SearchDocument.objects.get(kind="myth").body
    assert "[[" not in body
    assert Rule.objects.get(key="climate-environment").citation in body


def test_the_api_gives_myth_facts_with_the_law_cited(client):
    MythFactory(fact_nb=FACT, fact_en="From [[terskel:lower_limit]].")

    myth = client.get("/api/v1/myths").json()["items"][0]

    assert "[[" not in myth["fact_nb"]
    assert "kroner" in myth["fact_nb"]
    assert "NOK" in myth["fact_en"]


def test_the_api_gives_recipe_steps_with_the_law_cited(client):
    StepFactory(body_nb=FACT)

    recipe = client.get("/api/v1/recipes").json()["items"][0]

    assert "[[" not in recipe["steps"][0]["body_nb"]


def test_the_editor_preview_resolves_tokens(client):
    myth = MythFactory(fact_nb=FACT)
    client.force_login(StaffFactory())
    url = reverse("cookbook:content-edit", kwargs={"kind": "myth", "pk": myth.pk})
    form = client.get(url).context["form"]
    data = {name: form.initial.get(name) or "" for name in form.fields} | {"fact_nb": FACT, "preview": "1"}

    page = client.post(url, data).text

    assert Rule.objects.get(key="climate-environment").get_absolute_url() in page
