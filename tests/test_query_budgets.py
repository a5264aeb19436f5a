"""Query budgets (issue 16 §2): the number of queries a list or detail page, or an API list, makes does not grow
with the number of rows it shows. Each case measures with a few rows and again with more; the newest row must be
in the second answer, so a cached page cannot pass for a cheap one."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory
from samvei.challenges.models import Challenge, Question
from samvei.challenges.tests.factories import ChallengeFactory
from samvei.cookbook.models import CaseEffect
from samvei.cookbook.tests.factories import CaseFactory, FundingSchemeFactory, MythFactory, RecipeFactory, StepFactory
from samvei.geography.models import Municipality
from samvei.organisations.models import ContactPoint
from samvei.organisations.tests.factories import ContactPointFactory, OrganisationFactory
from samvei.taxonomy.models import TargetGroup, WelfareArea

pytestmark = pytest.mark.django_db

FEW, MORE = 2, 6


def _organisation() -> str:
    organisation = OrganisationFactory()
    organisation.welfare_areas.set(WelfareArea.objects.all()[:2])
    organisation.target_groups.set(TargetGroup.objects.all()[:2])
    organisation.municipalities.set(Municipality.objects.all()[:3])
    return organisation.name


def _challenge() -> str:
    challenge = ChallengeFactory()
    challenge.welfare_areas.set(WelfareArea.objects.all()[:2])
    challenge.target_groups.set(TargetGroup.objects.all()[:2])
    return challenge.title


def _case() -> str:
    case = CaseFactory()
    case.welfare_areas.set(WelfareArea.objects.all()[:2])
    CaseEffect.objects.create(case=case, text_nb="Ti deltakere.", source_url="https://example.org/")
    return case.title_nb


def _recipe() -> str:
    recipe = RecipeFactory()
    StepFactory(recipe=recipe)
    return recipe.title_nb


def _funding() -> str:
    return FundingSchemeFactory().name


def _myth() -> str:
    return MythFactory().claim_nb


def _contact_point() -> str:
    point = ContactPointFactory(unit=f"Enhet {ContactPoint.objects.count()}")
    point.welfare_areas.set(WelfareArea.objects.all()[:2])
    return point.unit


def _question_on(challenge: Challenge) -> Callable[[], str]:
    def make() -> str:
        asker = UserFactory()
        text = f"Spørsmål nummer {Question.objects.count()}"
        Question.objects.create(challenge=challenge, text=text, asked_by=asker, answer="Svar.", answered_by=asker)
        return text

    return make


@dataclass(frozen=True)
class Budget:
    name: str
    url: str
    make: Callable[[], str]


LISTS = [
    Budget("organisation list", reverse("organisations:list") + "?kind=social_enterprise", _organisation),
    Budget("challenge list", reverse("challenges:list"), _challenge),
    Budget("case list", reverse("cookbook:cases"), _case),
    Budget("myth list", reverse("cookbook:myths"), _myth),
    Budget("funding list", reverse("cookbook:funding"), _funding),
    Budget("cookbook front", reverse("cookbook:index"), _recipe),
    Budget("API organisations", "/api/v1/organisations?kind=social_enterprise&limit=100", _organisation),
    Budget("API challenges", "/api/v1/challenges?limit=100", _challenge),
    Budget("API cases", "/api/v1/cases?limit=100", _case),
    Budget("API recipes", "/api/v1/recipes?limit=100", _recipe),
    Budget("API myths", "/api/v1/myths?limit=100", _myth),
    Budget("API funding", "/api/v1/funding?limit=100", _funding),
    Budget("municipality page", "/kommuner/1103/", _contact_point),
    Budget("API municipality", "/api/v1/municipalities/1103", _contact_point),
]


def _queries(client, url: str) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    if response["Content-Type"].startswith("application/json"):
        return len(captured), json.dumps(response.json(), ensure_ascii=False)
    return len(captured), response.content.decode()


def _assert_flat(client, budget: Budget) -> None:
    for _ in range(FEW):
        budget.make()
    _queries(client, budget.url)  # warm: one-time lookups (sessions, content types) are not the budget
    few, _page = _queries(client, budget.url)
    newest = ""
    for _ in range(MORE):
        newest = budget.make()
    many, page = _queries(client, budget.url)

    assert newest in page, f"{budget.name}: the newest row is missing"
    assert many <= few, f"{budget.name}: {few} queries with {FEW} more rows, {many} with {FEW + MORE}"


@pytest.mark.parametrize("budget", LISTS, ids=lambda budget: budget.name)
def test_queries_do_not_grow_with_the_rows_shown(client, budget):
    _assert_flat(client, budget)


def test_a_challenge_page_does_not_grow_with_its_public_questions(client):
    challenge = ChallengeFactory()
    _assert_flat(client, Budget("challenge page", challenge.get_absolute_url(), _question_on(challenge)))
