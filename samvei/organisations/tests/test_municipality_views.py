import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_municipality_list_shows_every_municipality(client):
    response = client.get(reverse("municipalities:list"))

    assert response.status_code == 200
    assert len(response.context["municipalities"]) == 357
    assert "Viser 357 kommuner." in response.text


def test_municipality_list_filters_by_county(client):
    response = client.get(reverse("municipalities:list"), {"county": "56"})

    names = {m.name for m in response.context["municipalities"]}
    assert "Karasjok" in names
    assert "Oslo" not in names
    assert len(names) == 18


def test_municipality_list_searches_by_name(client):
    response = client.get(reverse("municipalities:list"), {"q": "bærum"})

    assert [m.name for m in response.context["municipalities"]] == ["Bærum"]


def test_municipality_list_explains_an_unknown_county_in_norwegian(client):
    response = client.get(reverse("municipalities:list"), {"county": "99"})

    assert response.status_code == 400
    assert "Velg et gyldig valg" in response.text
    assert len(response.context["municipalities"]) == 357


def test_municipality_list_refuses_an_overlong_name(client):
    response = client.get(reverse("municipalities:list"), {"q": "x" * 101})

    assert response.status_code == 400
    assert "100" in response.text


def test_municipality_page_shows_facts_and_an_honest_empty_state(client):
    response = client.get(reverse("municipalities:detail", kwargs={"number": "1103"}))

    assert response.status_code == 200
    page = response.text
    assert "Stavanger kommune" in page
    assert "Rogaland" in page
    assert "149\xa0048" in page
    assert "964965226" in page
    assert "https://www.stavanger.kommune.no" in page
    assert "ennå ikke registrert kontaktpunkter" in page


def test_municipality_page_for_unknown_number_is_a_norwegian_404(client):
    response = client.get(reverse("municipalities:detail", kwargs={"number": "9999"}))

    assert response.status_code == 404
    assert "Vi fant ikke siden" in response.text


def test_municipality_page_in_english(client):
    with translation.override("en"):
        url = reverse("municipalities:detail", kwargs={"number": "1103"})

    response = client.get(url)

    assert url == "/en/municipalities/1103/"
    assert response.status_code == 200
    assert '<html lang="en"' in response.text
    assert "Administrative centre" in response.text


def test_unknown_english_page_is_an_english_404(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "We could not find that page" in response.text
