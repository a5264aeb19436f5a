"""Our own 404 page, in development too: DEBUG otherwise answers an unknown address with Django's English
technical page (config/urls.py adds a catch-all when DEBUG is on)."""

import importlib

import pytest
from django.urls import clear_url_caches

import config.urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug_urls(settings):
    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


def test_an_unknown_address_in_debug_shows_our_404_page(client, debug_urls):
    response = client.get("/finnes-ikke/")

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert "Using the URLconf" not in response.text
    assert 'href="/"' in response.text
    assert 'href="/sok/"' in response.text


def test_our_404_page_in_debug_speaks_the_language_of_the_address(client, debug_urls):
    response = client.get("/en/does-not-exist/")

    assert response.status_code == 404
    assert "We could not find that page" in response.text
    assert 'href="/en/search/"' in response.text


def test_an_address_without_its_slash_is_still_redirected_in_debug(client, debug_urls):
    response = client.get("/konto/login")

    assert response.status_code == 301
    assert response["Location"] == "/konto/login/"


def test_an_unknown_api_route_in_debug_is_not_an_html_page(client, debug_urls):
    response = client.get("/api/v1/finnes-ikke/")

    assert response.status_code == 404
    assert "404.html" not in [template.name for template in response.templates]
    assert response["Content-Type"].startswith("application/json")


def test_the_404_page_links_to_the_front_page_and_search_in_norwegian(client):
    response = client.get("/finnes-ikke/")

    assert response.status_code == 404
    assert "Vi fant ikke siden du leter etter" in response.text
    assert "Søk i Samvei" in response.text
    assert "Kanskje adressen er skrevet feil, eller siden er flyttet." in response.text
