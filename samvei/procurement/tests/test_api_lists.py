"""The dated law as open data: the thresholds, rules and routes in force on a day, each with its source."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["thresholds", "rules", "routes"])
def test_the_list_for_a_day_says_where_each_row_comes_from(client, name):
    response = client.get(f"/api/v1/procurement/{name}?date=2025-01-01")
    assert response.status_code == 200
    rows = response.json()
    assert rows
    for row in rows:
        assert row.get("source") or row.get("legal_sources") is not None


def test_thresholds_follow_the_day_asked_for(client):
    before = client.get("/api/v1/procurement/thresholds?date=2016-06-01").json()
    after = client.get("/api/v1/procurement/thresholds?date=2025-01-01").json()
    assert after
    assert all(row["effective_from"] is None or row["effective_from"] <= "2025-01-01" for row in after)
    assert all(row["effective_to"] is None or row["effective_to"] > "2025-01-01" for row in after)
    assert before != after


def test_the_routes_include_the_collaboration_forms_and_the_procedures(client):
    kinds = {row["kind"] for row in client.get("/api/v1/procurement/routes").json()}
    assert {"form", "procedure"} <= kinds


@pytest.mark.parametrize("date", ["2025-13-01", "i går", "0000-00-00", "2025-01-01%00"])
def test_a_bad_day_is_refused(client, date):
    response = client.get(f"/api/v1/procurement/thresholds?date={date}")
    assert response.status_code in (400, 422)
    assert "detail" in response.json()
