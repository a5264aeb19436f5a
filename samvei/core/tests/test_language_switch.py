"""Switching language keeps the page and its query string, between all three languages."""

import pytest


@pytest.mark.parametrize(
    ("language", "page", "expected"),
    [
        ("en", "/kommuner/1103/?welfare_area=elderly-care", "/en/municipalities/1103/?welfare_area=elderly-care"),
        ("nb", "/en/municipalities/1103/?welfare_area=elderly-care", "/kommuner/1103/?welfare_area=elderly-care"),
        ("nb", "/en/challenges/?q=eldre#results", "/utfordringer/?q=eldre#results"),
        ("nb", "/en/cookbook/", "/kokebok/"),
        ("nb", "/en/", "/"),
        ("nn", "/kommuner/1103/?welfare_area=elderly-care", "/nn/kommunar/1103/?welfare_area=elderly-care"),
        ("en", "/nn/kommunar/1103/", "/en/municipalities/1103/"),
        ("nb", "/nn/kokebok/", "/kokebok/"),
    ],
)
@pytest.mark.django_db
def test_switching_language_keeps_the_page_and_query(client, language, page, expected):
    response = client.post("/i18n/setlang/", {"language": language, "next": page})

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_switching_back_to_bokmal_serves_the_page_in_bokmal(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/kommuner/1103/"})
    response = client.post("/i18n/setlang/", {"language": "nb", "next": "/en/municipalities/1103/"}, follow=True)

    assert response.redirect_chain[-1][0] == "/kommuner/1103/"
    assert response.content.decode().count('lang="nb"') >= 1
    assert "Stavanger kommune" in response.content.decode()


@pytest.mark.django_db
def test_a_foreign_next_address_is_not_followed(client):
    response = client.post("/i18n/setlang/", {"language": "nb", "next": "https://evil.example/"})

    assert response["Location"] == "/"


@pytest.mark.django_db
def test_an_unknown_language_changes_nothing(client):
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/en/cookbook/"})

    assert response["Location"] == "/en/cookbook/"
    assert "django_language" not in response.cookies


@pytest.mark.django_db
def test_a_nynorsk_page_is_served_in_nynorsk_and_says_its_articles_are_in_bokmal(client):
    response = client.get("/nn/kokebok/")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="nn"' in body
    assert "berre på bokmål" in body
