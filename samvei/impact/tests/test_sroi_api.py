"""POST /api/v1/impact/sroi: the worked figures for anyone, nothing stored, and every mistake a 422 that names
the field, never a 500."""

import json

import pytest
from django.test import Client

from samvei.core.api_errors import ValidationErrorOut
from samvei.impact.models import SroiAnalysis

pytestmark = pytest.mark.django_db

URL = "/api/v1/impact/sroi"


def _valid() -> dict:
    # year 1 = 10 × 100 × (1 − 0.1) × (1 − 0) × (1 − 0.2) = 720; then × 0.5: 360, 180
    # PV at 3.5 % = 720 / 1.035 + 360 / 1.035² + 180 / 1.035³ = 695.65 + 336.06 + 162.35 = 1194.07
    return {
        "name": "Arbeidstrening",
        "investment_nok": 1000,
        "discount_rate": 0.035,
        "outcomes": [
            {
                "name": "Jobb",
                "quantity": 10,
                "proxy_value_nok": 100,
                "deadweight": 0.1,
                "displacement": 0,
                "attribution": 0.2,
                "drop_off": 0.5,
                "duration_years": 3,
            }
        ],
    }


def _post(client, body):
    text = body if isinstance(body, str) else json.dumps(body)
    return client.post(URL, text, content_type="application/json")


def _with_outcome(**changes: object) -> dict:
    body = _valid()
    body["outcomes"][0].update(changes)
    return body


def _locations(response) -> list[list]:
    assert response.status_code == 422, response.content
    ValidationErrorOut.model_validate(response.json())
    return [entry["loc"] for entry in response.json()["detail"]]


def test_valid_figures_answer_the_worked_numbers(client):
    response = _post(client, _valid())

    assert response.status_code == 200
    document = response.json()
    assert document["name"] == "Arbeidstrening"
    assert document["per_outcome"] == [
        {"name": "Jobb", "yearly_values_nok": [720.0, 360.0, 180.0], "present_value_nok": 1194.07}
    ]
    assert document["present_value_nok"] == 1194.07
    assert document["sroi_ratio"] == 1.1941
    assert document["net_present_value_nok"] == 194.07
    # discounted year 1 = 695.65; (1000 − 695.65) / 336.06 = 0.906 of year 2: 12 × 1.906 = 22.9 months
    assert document["payback_months"] == 22.9


def test_the_sensitivity_table_uses_the_documented_keys(client):
    sensitivity = _post(client, _valid()).json()["sensitivity"]

    assert set(sensitivity) == {"deadweight", "displacement", "attribution", "drop_off", "discount_rate"}
    assert set(sensitivity["deadweight"]) == {"minus_50", "plus_50"}
    assert set(sensitivity["discount_rate"]) == {"0.02", "0.06"}
    # displacement is 0, so half or one and a half times it changes nothing
    assert sensitivity["displacement"] == {"minus_50": 1.1941, "plus_50": 1.1941}


def test_payback_is_null_when_never_reached(client):
    body = {**_valid(), "investment_nok": 10_000}

    assert _post(client, body).json()["payback_months"] is None


def test_anonymous_callers_need_no_csrf_token():
    response = Client(enforce_csrf_checks=True).post(URL, json.dumps(_valid()), content_type="application/json")

    assert response.status_code == 200


def test_a_calculation_stores_nothing(client):
    _post(client, _valid())

    assert SroiAnalysis.objects.count() == 0


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("investment_nok", 0),
        ("investment_nok", -5),
        ("investment_nok", "1000"),
        ("investment_nok", True),
        ("investment_nok", 1e16),
        ("discount_rate", 1),
        ("discount_rate", -0.1),
        ("name", "x" * 201),
    ],
)
def test_an_invalid_top_level_field_is_named(client, field, value):
    assert _locations(_post(client, {**_valid(), field: value})) == [["body", "payload", field]]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("deadweight", 1.5),
        ("displacement", -0.1),
        ("attribution", "0.2"),
        ("drop_off", None),
        ("duration_years", 0),
        ("duration_years", 1.5),
        ("duration_years", 3.0),
        ("duration_years", 51),
        ("quantity", -1),
        ("proxy_value_nok", 1e16),
        ("name", ""),
        ("name", "   "),
    ],
)
def test_an_invalid_outcome_field_is_named_with_its_position(client, field, value):
    assert _locations(_post(client, _with_outcome(**{field: value}))) == [["body", "payload", "outcomes", 0, field]]


def test_nan_is_refused_by_name(client):
    text = json.dumps(_valid()).replace('"deadweight": 0.1', '"deadweight": NaN')

    assert _locations(_post(client, text)) == [["body", "payload", "outcomes", 0, "deadweight"]]


def test_infinity_is_refused_by_name(client):
    text = json.dumps(_valid()).replace('"investment_nok": 1000', '"investment_nok": Infinity')

    assert _locations(_post(client, text)) == [["body", "payload", "investment_nok"]]


def test_an_empty_outcome_list_is_refused(client):
    assert _locations(_post(client, {**_valid(), "outcomes": []})) == [["body", "payload", "outcomes"]]


def test_more_than_a_hundred_outcomes_are_refused(client):
    body = {**_valid(), "outcomes": _valid()["outcomes"] * 101}

    assert _locations(_post(client, body)) == [["body", "payload", "outcomes"]]


def test_missing_outcomes_are_named(client):
    body = _valid()
    del body["outcomes"]

    assert _locations(_post(client, body)) == [["body", "payload", "outcomes"]]


def test_an_unknown_field_is_named_so_a_typo_shows(client):
    response = _post(client, _with_outcome(dead_weight=0.1))

    assert _locations(response) == [["body", "payload", "outcomes", 0, "dead_weight"]]
    assert response.json()["detail"][0]["type"] == "extra_forbidden"


def test_a_body_that_is_not_json_is_invalid_input(client):
    response = _post(client, "investment=1000")

    assert _locations(response) == [["body"]]
    assert response.json()["detail"][0]["type"] == "json_invalid"


def test_a_body_that_is_not_utf8_is_invalid_input(client):
    response = client.post(URL, b"\xff\xfe{", content_type="application/json")

    assert _locations(response) == [["body"]]


def test_a_json_array_is_refused_as_not_an_object(client):
    assert _locations(_post(client, [_valid()])) == [["body", "payload"]]


def test_an_empty_body_is_refused(client):
    assert _locations(_post(client, "")) == [["body", "payload"]]


def test_the_operation_is_documented_with_its_own_schema_names(client):
    document = client.get("/api/v1/openapi.json").json()
    operation = document["paths"][URL]["post"]

    assert operation["requestBody"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SroiRequest"
    }
    assert operation["responses"]["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/SroiResultOut"
    }
    assert document["components"]["schemas"]["SroiOutcomeIn"]["additionalProperties"] is False
