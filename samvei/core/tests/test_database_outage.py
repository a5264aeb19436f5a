"""While the database does not answer, pages say so with a 503 (and Retry-After) instead of the generic 500 page,
and the API answers JSON. The outage is real: the connection's settings point to a database that cannot be
reached (a closed port on PostgreSQL, a missing directory on SQLite), so the driver itself refuses."""

import pytest
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import ConnectionHandler
from django.test import Client
from django.urls import reverse
from django.utils import translation

from samvei.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser():
    """Answers as a browser sees it: an uncaught error becomes the error page instead of failing the test."""
    return Client(raise_request_exception=False, headers={"accept-language": "en"})


@pytest.fixture
def database_outage():
    """Every new query on the default connection has to connect again, and connecting fails."""
    settings_dict = dict(connections[DEFAULT_DB_ALIAS].settings_dict)
    if settings_dict["ENGINE"].endswith("sqlite3"):
        settings_dict["NAME"] = "/nonexistent-directory/samvei.sqlite3"
    else:
        settings_dict.update(HOST="127.0.0.1", PORT="1")  # nothing listens there: connection refused
    unreachable = ConnectionHandler({DEFAULT_DB_ALIAS: settings_dict})
    connection = connections[DEFAULT_DB_ALIAS]
    connection.ensure_connection = unreachable[DEFAULT_DB_ALIAS].ensure_connection
    yield
    del connection.ensure_connection
    unreachable.close_all()


def _english(name):
    with translation.override("en"):
        return reverse(name)


@pytest.mark.usefixtures("database_outage")
def test_a_page_answers_503_with_the_outage_page_when_the_database_is_down(browser):
    response = browser.get(_english("municipalities:list"))

    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert response["Retry-After"] == "30"
    assert "Samvei is unavailable right now" in response.text
    assert "Nothing you have saved is lost" in response.text
    assert '<html lang="en"' in response.text


def test_a_signed_in_visitor_gets_the_outage_page_when_the_session_cannot_be_read(browser, request):
    browser.force_login(UserFactory())
    request.getfixturevalue("database_outage")

    response = browser.get(_english("collaborations:list"))

    assert response.status_code == 503
    assert "Samvei is unavailable right now" in response.text


@pytest.mark.usefixtures("database_outage")
def test_the_outage_page_is_not_cached(browser):
    response = browser.get(_english("municipalities:list"))

    assert "no-cache" in response["Cache-Control"]


@pytest.mark.usefixtures("database_outage")
def test_the_api_answers_503_json_when_the_database_is_down(browser):
    response = browser.get("/api/v1/challenges")

    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")
    assert response["Retry-After"] == "30"
    assert "database" in response.json()["detail"]


def test_the_api_answers_503_json_when_the_session_of_a_signed_in_caller_cannot_be_read(browser, request):
    browser.force_login(UserFactory())
    request.getfixturevalue("database_outage")

    response = browser.get("/api/v1/pitches")

    assert response.status_code == 503
    assert response["Content-Type"].startswith("application/json")


def test_the_api_answers_an_unexpected_error_with_json(browser, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("samvei.challenges.api.challenge_list", fail)

    response = browser.get("/api/v1/challenges")

    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "Retry-After" not in response
    assert "a bug" not in response.text
    assert response.json()["detail"]


def test_a_page_still_answers_an_unexpected_error_with_the_500_page(browser, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("samvei.organisations.views.municipalities.municipality_search", fail)

    response = browser.get(_english("municipalities:list"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.text
