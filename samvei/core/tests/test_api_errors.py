"""The API answers every error as JSON `{"detail": …}`, including the ones Django gives before any API view runs:
unknown addresses, refused hosts, oversized bodies, NUL characters, permission errors."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from samvei.core import views
from samvei.core.attachments import MAX_REQUEST_BYTES

pytestmark = pytest.mark.django_db


def _is_json_error(response, status):
    return (
        response.status_code == status
        and response["Content-Type"].startswith("application/json")
        and isinstance(json.loads(response.content)["detail"], str)
    )


@pytest.mark.parametrize("path", ["/api/v1/nope", "/api/v1/nope/", "/api/v1/challenges/1/nope", "/api/", "/api/v2/x"])
def test_an_unknown_api_address_answers_a_json_404(client, path):
    assert _is_json_error(client.get(path), 404)


def test_a_post_to_an_unknown_api_address_is_a_json_404_not_a_csrf_page(client):
    assert _is_json_error(Client(enforce_csrf_checks=True).post("/api/v1/nope", {}), 404)


def test_the_api_root_without_its_slash_is_still_redirected(client):
    response = client.get("/api/v1")

    assert response.status_code == 301
    assert response["Location"] == "/api/v1/"


def test_the_json_404_speaks_the_language_the_caller_asks_for(client, english_client):
    assert client.get("/api/v1/nope").json()["detail"] == "Finnes ikke."
    assert english_client.get("/api/v1/nope").json()["detail"] == "Not found."


def test_an_unknown_page_still_answers_the_html_404_page(client):
    response = client.get("/finnes-ikke/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_refused_host_on_the_api_answers_a_json_400(client):
    assert _is_json_error(client.get("/api/v1/counties", HTTP_HOST="evil.example"), 400)


def test_a_refused_host_on_a_page_answers_the_html_400_page(client):
    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


def test_an_oversized_body_on_the_api_answers_a_json_413(client):
    response = client.generic(
        "POST", "/api/v1/challenges", b"", content_type="application/json", CONTENT_LENGTH=str(MAX_REQUEST_BYTES + 1)
    )

    assert _is_json_error(response, 413)


def test_a_nul_on_the_api_answers_a_json_400(client):
    assert _is_json_error(client.get("/api/v1/counties?q=%00"), 400)


def test_a_permission_error_outside_an_api_view_answers_a_json_403(rf):
    response = views.permission_denied(rf.get("/api/v1/counties"), PermissionDenied())

    assert _is_json_error(response, 403)


def test_a_permission_error_on_a_page_answers_the_html_403_page(rf):
    response = views.permission_denied(rf.get("/"), PermissionDenied())

    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")


def test_an_error_outside_an_api_view_answers_json(rf):
    try:
        raise RuntimeError("a bug in a middleware")
    except RuntimeError:
        response = views.server_error(rf.get("/api/v1/counties"))

    assert _is_json_error(response, 500)
    assert "a bug" not in response.content.decode()
