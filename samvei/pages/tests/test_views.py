import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_front_page_speaks_to_both_audiences_in_norwegian(client):
    response = client.get(reverse("pages:front"))

    assert response.status_code == 200
    assert '<html lang="nb"' in response.text
    assert response.context["figures"].municipalities == 357
    assert response.context["figures"].counties == 15
    assert response.context["figures"].state_agencies >= 7
    assert reverse("municipalities:list") in response.text


def test_front_page_offers_english(client):
    response = client.get("/en/")

    assert response.status_code == 200
    assert '<html lang="en"' in response.text
    assert "For social entrepreneurs" in response.text


@pytest.mark.parametrize("name", ["pages:accessibility", "pages:privacy"])
def test_footer_pages_are_linked_from_every_page(client, name):
    front = client.get(reverse("pages:front")).text
    response = client.get(reverse(name))

    assert reverse(name) in front
    assert response.status_code == 200


def test_accessibility_statement_names_wcag_and_the_supervisory_authority(client):
    page = client.get(reverse("pages:accessibility")).text

    assert "WCAG 2.1" in page
    assert "uutilsynet.no" in page


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get(reverse("pages:front"))

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_language_switch_stores_english_and_returns_to_the_same_page_in_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/kommuner/1103/"})

    assert response.status_code == 302
    assert response["Location"] == "/en/municipalities/1103/"
    assert response.cookies["django_language"].value == "en"


def test_language_switch_refuses_an_unknown_language(client):
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/kommuner/"})

    assert response.status_code == 302
    assert "django_language" not in response.cookies
