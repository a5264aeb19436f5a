"""The advisor's answer is the same from the API and the command, cites every threshold it used, and refuses bad
input plainly: 422 from the API, exit code 2 and a Norwegian message from the command, never a traceback."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db

QUESTION = {"buyer": "municipality", "category": "goods_services", "value": "2300000", "date": "2025-01-01"}


def _command(**question) -> dict:
    out = io.StringIO()
    call_command("advise_procurement", *[f"--{name}={value}" for name, value in question.items()], "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_api_and_the_command_give_the_same_answer(client):
    from_api = client.get("/api/v1/procurement/advice", QUESTION).json()

    assert from_api == _command(**QUESTION)


def test_the_answer_names_each_threshold_used_and_its_source(client):
    answer = client.get("/api/v1/procurement/advice", QUESTION).json()

    assert [(t["kind"], t["value"]) for t in answer["thresholds"]] == [
        ("lower_limit", 100_000),
        ("national", 1_300_000),
        ("eea", 2_300_000),
    ]
    cited = {t["source"] for t in answer["thresholds"] + answer["proposals"]}
    cited |= {rule["source"] for rule in answer["regulation_parts"] + answer["rules"]}
    cited |= {legal["source"] for route in answer["routes"] for legal in route["legal_sources"]}
    assert cited == {s["key"] for s in answer["sources"]}
    assert all(s["url"].startswith("https://") for s in answer["sources"])
    assert (answer["above_lower_limit"], answer["above_national_threshold"], answer["above_eea_threshold"]) == (
        True,
        True,
        True,
    )


def test_a_state_purchase_in_2017_says_the_eea_threshold_is_not_known(client):
    answer = client.get("/api/v1/procurement/advice", {**QUESTION, "buyer": "state", "date": "2017-06-01"}).json()

    assert answer["above_eea_threshold"] is None
    assert "eea" not in [t["kind"] for t in answer["thresholds"]]


def test_a_date_after_the_last_check_is_flagged_and_the_proposal_shown(client):
    answer = client.get("/api/v1/procurement/advice", {**QUESTION, "date": "2027-06-01"}).json()

    assert answer["after_newest_check"] is True
    assert answer["newest_check"] == "2026-11-25"
    assert [p["value"] for p in answer["proposals"]] == [300_000]


@pytest.mark.parametrize(
    "change",
    [{"value": "-1"}, {"value": "mange"}, {"value": "²"}, {"buyer": "kommune"}, {"category": "food"}, {"date": "2025-13-01"},
     {"date": "i går"}, {"value": "9" * 40}],
)  # fmt: skip
def test_the_api_refuses_bad_input_with_422(client, change):
    response = client.get("/api/v1/procurement/advice", {**QUESTION, **change})

    assert response.status_code == 422
    assert response.json()["detail"]


@pytest.mark.parametrize(
    ("change", "field"),
    [({"value": "-1"}, "--value"), ({"value": "mange"}, "--value"), ({"buyer": "kommune"}, "--buyer"),
     ({"category": "food"}, "--category"), ({"date": "2025-13-01"}, "--date")],
)  # fmt: skip
def test_the_command_refuses_bad_input_with_exit_code_2_and_a_norwegian_message(change, field):
    with pytest.raises(CommandError) as refused:
        _command(**{**QUESTION, **change})

    assert refused.value.returncode == 2
    assert field in str(refused.value)
    assert "Ugyldig" in str(refused.value)


def test_an_answer_costs_six_queries_however_many_rows_there_are(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get("/api/v1/procurement/advice", QUESTION).status_code == 200


def test_the_api_and_the_command_agree_on_supplier_and_innovation(client):
    from_api = client.get("/api/v1/procurement/advice", {**QUESTION, "supplier": "ideell", "innovation": "true"}).json()
    out = io.StringIO()
    call_command(
        "advise_procurement",
        *[f"--{name}={value}" for name, value in QUESTION.items()],
        "--supplier=ideell",
        "--innovation",
        "--json",
        stdout=out,
    )

    assert from_api == json.loads(out.getvalue())
    assert "rnd-pre-commercial" in [route["key"] for route in from_api["routes"]]


def test_an_unknown_supplier_is_refused_by_the_api(client):
    response = client.get("/api/v1/procurement/advice", {**QUESTION, "supplier": "privat"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "supplier"


def test_an_unknown_supplier_is_refused_by_the_command_with_exit_code_2():
    with pytest.raises(CommandError) as refused:
        _command(**QUESTION, supplier="privat")

    assert refused.value.returncode == 2
    assert "--supplier" in str(refused.value)


def test_every_route_in_an_answer_has_an_explanation_and_legal_sources(client):
    answer = client.get("/api/v1/procurement/advice", QUESTION).json()

    assert answer["routes"]
    for route in answer["routes"]:
        assert route["explanation"]
        assert route["legal_sources"]
