import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("offset", [2**63, 2**64, 10**30, 1_000_000_001])
def test_an_offset_beyond_the_limit_is_a_422_with_the_field_named(client, offset):
    response = client.get(f"/api/v1/challenges?offset={offset}")

    assert response.status_code == 422
    assert any("offset" in error["loc"] for error in response.json()["detail"])


def test_the_largest_offset_allowed_gives_an_empty_page(client):
    response = client.get("/api/v1/organisations?offset=1000000000")

    assert response.status_code == 200
    assert response.json()["items"] == []
