"""manage.py sroi FILE [--json]: the API's document or a summary, and for any bad file one clear line naming
the mistake and exit code 2, never a traceback."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import translation

from samvei.impact.schemas import SroiRequest, sroi_document

# year 1 = 4 × 2500 × (1 − 0.25) = 7500, then × 0.8: 6000; PV at 0 % = 13 500; ratio 13 500 / 5000 = 2.70
FIGURES = {
    "name": "Fritid for alle",
    "investment_nok": 5000,
    "discount_rate": 0,
    "outcomes": [
        {
            "name": "Færre innleggelser",
            "quantity": 4,
            "proxy_value_nok": 2500,
            "deadweight": 0.25,
            "displacement": 0,
            "attribution": 0,
            "drop_off": 0.2,
            "duration_years": 2,
        }
    ],
}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def _file(tmp_path: Path, content: str | bytes) -> str:
    path = tmp_path / "figures.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return str(path)


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("sroi", *args, stdout=out)
    return out.getvalue()


def _refusal(*args: str) -> str:
    with pytest.raises(CommandError) as raised:
        _run(*args)
    assert raised.value.returncode == 2
    return str(raised.value)


def test_json_output_is_the_shared_document(tmp_path):
    output = json.loads(_run(_file(tmp_path, json.dumps(FIGURES)), "--json"))

    assert output == sroi_document(request=SroiRequest.model_validate(FIGURES))
    assert output["present_value_nok"] == 13500
    assert output["sroi_ratio"] == 2.7


@pytest.mark.django_db
def test_json_output_is_exactly_what_the_api_answers(tmp_path):
    output = json.loads(_run(_file(tmp_path, json.dumps(FIGURES)), "--json"))
    answer = Client().post("/api/v1/impact/sroi", json.dumps(FIGURES), content_type="application/json")

    assert output == answer.json()


def test_the_summary_gives_the_sums_the_outcomes_and_the_sensitivity(tmp_path):
    output = _run(_file(tmp_path, json.dumps(FIGURES)))

    assert "SROI: Fritid for alle" in output
    assert "Present value: NOK 13,500" in output
    assert "SROI ratio: 2.70" in output
    assert "Færre innleggelser: present value NOK 13,500; by year NOK 7,500, NOK 6,000" in output
    assert "Deadweight:" in output
    assert "Discount rate:" in output


def test_the_summary_says_when_the_investment_is_never_paid_back(tmp_path):
    output = _run(_file(tmp_path, json.dumps({**FIGURES, "investment_nok": 20000})))

    assert "Not paid back within the outcomes' durations" in output


def test_a_dash_reads_the_figures_from_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(FIGURES).encode())))

    assert json.loads(_run("-", "--json"))["present_value_nok"] == 13500


def test_a_missing_file_is_refused(tmp_path):
    assert "Cannot read" in _refusal(str(tmp_path / "nowhere.json"))


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    assert "is not UTF-8 text" in _refusal(_file(tmp_path, b"\xff\xfe{"))


def test_a_file_that_is_not_json_is_refused(tmp_path):
    assert "is not valid JSON" in _refusal(_file(tmp_path, "investment=5000"))


def test_json_that_is_not_an_object_is_refused(tmp_path):
    assert "must hold one JSON object" in _refusal(_file(tmp_path, json.dumps([FIGURES])))


def test_a_file_larger_than_the_api_accepts_is_refused(tmp_path, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100

    assert "is larger than 100 bytes" in _refusal(_file(tmp_path, json.dumps(FIGURES)))


def test_a_schema_error_names_the_field_by_its_path(tmp_path):
    figures = json.loads(json.dumps(FIGURES))
    figures["outcomes"][0]["deadweight"] = 1.5

    assert "outcomes.0.deadweight: Must be at most 1." in _refusal(_file(tmp_path, json.dumps(figures)))


def test_a_misspelt_field_is_named(tmp_path):
    figures = json.loads(json.dumps(FIGURES))
    figures["outcomes"][0]["dead_weight"] = figures["outcomes"][0].pop("deadweight")
    message = _refusal(_file(tmp_path, json.dumps(figures)))

    assert "outcomes.0.dead_weight: Is not a field of this calculation." in message
    assert "outcomes.0.deadweight: This field is required." in message


def test_nan_is_refused_as_not_a_number(tmp_path):
    text = json.dumps(FIGURES).replace('"investment_nok": 5000', '"investment_nok": NaN')

    assert "investment_nok: Must be a number." in _refusal(_file(tmp_path, text))


def test_a_bad_file_run_as_a_program_exits_with_2_and_no_traceback(tmp_path):
    figures = _file(tmp_path, json.dumps({**FIGURES, "discount_rate": 1}))
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}

    finished = subprocess.run(
        [sys.executable, "manage.py", "sroi", figures],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert finished.returncode == 2
    assert "discount_rate" in finished.stderr
    assert "Traceback" not in finished.stderr


def test_the_summary_rounds_the_ratio_rather_than_cutting_it_off(tmp_path):
    # 13 500 / 7000 = 1.9286, which rounds to 1.93
    output = _run(_file(tmp_path, json.dumps({**FIGURES, "investment_nok": 7000})))

    assert "SROI ratio: 1.93" in output


def test_a_utf8_file_with_a_byte_order_mark_is_read(tmp_path):
    figures = _file(tmp_path, "\ufeff" + json.dumps(FIGURES))

    assert json.loads(_run(figures, "--json"))["present_value_nok"] == 13500
