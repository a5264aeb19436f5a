import pytest
from django.db import connections
from django.db.utils import ConnectionHandler
from django.urls import reverse

from samvei.core import health


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.fixture
def unreachable_database(monkeypatch):
    """A real connection to a database that does not exist, so the driver itself fails."""
    settings_dict = dict(connections["default"].settings_dict)
    if settings_dict["ENGINE"].endswith("sqlite3"):
        settings_dict["NAME"] = "/nonexistent-directory/samvei.sqlite3"
    else:
        settings_dict["NAME"] = "samvei_database_that_does_not_exist"
    broken = ConnectionHandler({"default": settings_dict})
    monkeypatch.setattr(health, "connections", broken)
    yield
    broken.close_all()


@pytest.mark.django_db
@pytest.mark.usefixtures("unreachable_database")
def test_healthz_answers_503_when_the_database_is_unreachable(client):
    response = client.get(reverse("healthz"))

    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_healthz_refuses_post(client):
    response = client.post(reverse("healthz"))

    assert response.status_code == 405
