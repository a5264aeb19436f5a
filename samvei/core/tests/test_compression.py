"""Pages and API answers are sent compressed to browsers that accept it (issue 16 §3)."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_the_front_page_is_sent_gzip_compressed_at_under_a_third_of_its_size(client):
    plain = client.get("/").content
    response = client.get("/", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert len(response.content) < len(plain) / 3
    assert b"<h1" in gzip.decompress(response.content)


def test_an_api_list_is_sent_compressed(client):
    response = client.get("/api/v1/municipalities", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"


def test_a_client_that_does_not_accept_gzip_gets_plain_text(client):
    assert "Content-Encoding" not in client.get("/")
