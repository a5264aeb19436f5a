"""A NUL character anywhere a visitor can put one is refused at the edge with a 400, on both databases."""

import pytest
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory
from samvei.organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "query"),
    [
        (None, "/api/v1/challenges?q=a%00b"),
        (None, "/api/v1/organisations?q=%00"),
        ("search:search", "?q=eldre%00omsorg"),
        ("municipalities:list", "?q=%00"),
        ("challenges:list", "?welfare_area=elderly%00care"),
    ],
)
def test_a_nul_in_the_query_string_is_a_400_not_a_server_error(client, name, query):
    response = client.get((reverse(name) if name else "") + query)

    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_the_api_answers_a_nul_with_json(client):
    response = client.get("/api/v1/challenges?q=a%00b")

    assert response["Content-Type"].startswith("application/json")
    assert "NUL" in response.json()["detail"]


def test_a_page_answers_a_nul_in_norwegian(client):
    response = client.get(reverse("municipalities:list") + "?q=%00")

    assert "et tegn som ikke er tillatt" in response.content.decode()


def test_a_nul_in_a_form_changes_nothing(client):
    client.force_login(UserFactory())
    before = Organisation.objects.count()

    response = client.post(reverse("organisations:register"), {"name": "Null\x00AS", "kind": "social_enterprise"})

    assert response.status_code == 400
    assert Organisation.objects.count() == before


def test_an_ordinary_query_passes(client):
    assert client.get(reverse("municipalities:list") + "?q=Bergen").status_code == 200
