"""The advisor, the rules page and the catalogue of collaboration forms: reachable by links, answering from the
rows, refusing bad input without a 500."""

import pytest
from django.urls import reverse
from django.utils import translation

from samvei.accounts.tests.factories import UserFactory
from samvei.cookbook.tests.factories import CaseFactory
from samvei.procurement.models import Route, Rule, Threshold

pytestmark = pytest.mark.django_db

QUESTION = {"buyer": "municipality", "category": "health_social", "value": "5000000", "date": "2025-01-01"}


def test_the_main_menu_and_the_cookbook_link_to_the_advisor(client):
    advisor = reverse("procurement:advisor")

    assert advisor in client.get(reverse("pages:front")).text
    assert advisor in client.get(reverse("cookbook:index")).text


def test_the_advisor_answers_with_the_routes_and_their_legal_frame(client):
    page = client.get(reverse("procurement:advisor"), QUESTION).text

    assert Route.objects.get(key="health-social-part-i").name_nb in page
    assert Route.objects.get(key="operating-agreement").name_nb in page
    assert Route.objects.get(key="chapter-30-competition").name_nb not in page
    assert Rule.objects.get(key="health-social-below-eea").get_absolute_url() in page


def test_the_advisor_in_english_shows_english_route_names(client):
    with translation.override("en"):
        url = reverse("procurement:advisor")
    page = client.get(url, QUESTION).text

    assert Route.objects.get(key="operating-agreement").name_en in page


def test_the_advisor_asks_for_the_kind_of_supplier_and_whether_a_solution_exists(client):
    page = client.get(reverse("procurement:advisor")).text

    assert 'name="supplier"' in page
    assert 'name="innovation"' in page


@pytest.mark.parametrize(
    "bad",
    [
        {"value": "-1"},
        {"value": "mange"},
        {"buyer": "kongen"},
        {"category": "fisk"},
        {"date": "2025-13-45"},
        {"supplier": "privat"},
    ],
)
def test_bad_input_is_refused_with_a_message_and_a_400(client, bad):
    response = client.get(reverse("procurement:advisor"), {**QUESTION, **bad})

    assert response.status_code == 400
    assert "ds-error-summary" in response.text or "error" in response.text


def test_a_day_before_2017_is_answered_plainly(client):
    page = client.get(reverse("procurement:advisor"), {**QUESTION, "date": "2016-06-01"}).text

    assert 'data-color="info"' in page
    assert 'id="routes"' not in page


def test_the_rules_page_shows_every_rule_in_force_with_its_source(client):
    page = client.get(reverse("procurement:rules")).text

    for rule in Rule.objects.filter(effective_to__isnull=True).select_related("source"):
        assert f'id="regel-{rule.key}"' in page
        assert rule.source.url in page


def test_a_rule_no_longer_in_force_is_not_on_the_rules_page(client):
    assert 'id="regel-climate-environment-2017"' not in client.get(reverse("procurement:rules")).text


def test_the_catalogue_shows_each_booklet_form_with_its_cases(client):
    case = CaseFactory(slug="trondheim-jodacare", title_nb="Trondheim og JodaCare")
    page = client.get(reverse("procurement:forms")).text

    for route in Route.objects.filter(kind=Route.Kind.FORM):
        assert f'id="form-{route.key}"' in page
    assert case.get_absolute_url() in page
    assert case.title_nb in page


def test_an_unpublished_case_is_not_linked_from_the_catalogue(client):
    case = CaseFactory(slug="bua", title_nb="BUA-utkast", status="draft")

    assert case.title_nb not in client.get(reverse("procurement:forms")).text


def test_the_catalogue_costs_the_same_queries_with_more_forms(client, django_assert_max_num_queries):
    for number in range(10):
        route = Route.objects.create(
            key=f"extra-{number}",
            kind="form",
            name_nb="Ekstra",
            name_en="Extra",
            explanation_nb="x",
            explanation_en="x",
            effective_from="2017-01-01",
            revised_on="2026-12-03",
        )
        route.rules.set(Rule.objects.all()[:3])
    with django_assert_max_num_queries(8):
        assert client.get(reverse("procurement:forms")).status_code == 200


def test_a_link_with_part_of_the_question_fills_the_form_in_without_errors(client):
    response = client.get(reverse("procurement:advisor"), {"buyer": "county", "date": "2026-12-03"})

    assert response.status_code == 200
    assert response.context["form"].initial["buyer"] == "county"
    assert 'id="answer"' not in response.text


@pytest.mark.parametrize("model", ["threshold", "rule", "route"])
def test_staff_edit_the_law_in_the_admin(admin_client, model):
    row = {"threshold": Threshold, "rule": Rule, "route": Route}[model].objects.first()

    assert admin_client.get(reverse(f"admin:procurement_{model}_changelist")).status_code == 200
    assert admin_client.get(reverse(f"admin:procurement_{model}_change", args=[row.pk])).status_code == 200


def test_a_member_who_is_not_staff_cannot_open_the_admin(client):
    client.force_login(UserFactory())

    assert client.get(reverse("admin:procurement_rule_changelist")).status_code == 302
