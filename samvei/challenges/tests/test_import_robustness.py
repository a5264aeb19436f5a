"""A hostile line in a challenge import is one rejection with a printable reason; the lines after it are
imported, and nothing is stored that PostgreSQL would refuse."""

import io
import json

import pytest
from django.core.management import call_command

from samvei.challenges.importing import challenges_import
from samvei.challenges.models import Challenge

from .test_importing import GOOD

pytestmark = pytest.mark.django_db

LONE_SURROGATE_REF = b'{"ref": "\\ud800", "municipality": "1103", "title": "T", "description": "D"}'
SURROGATE_IN_REASON = json.dumps({**GOOD, "ref": "surrogat", "welfare_areas": ["\udc80"]}).encode()
NUL_IN_TITLE = json.dumps({**GOOD, "ref": "nul", "title": "Ens\x00omhet"}).encode()
DEEPLY_NESTED = b"[" * 200_000 + b"]" * 200_000
FIRST = json.dumps({**GOOD, "ref": "foerst"}).encode()
LAST = json.dumps({**GOOD, "ref": "til-slutt"}).encode()


def _file(*lines: bytes) -> io.BytesIO:
    return io.BytesIO(b"\n".join(lines) + b"\n")


@pytest.mark.parametrize("hostile", [LONE_SURROGATE_REF, SURROGATE_IN_REASON, NUL_IN_TITLE, DEEPLY_NESTED])
def test_a_hostile_line_is_rejected_and_the_next_line_is_imported(hostile):
    report = challenges_import(stream=_file(FIRST, hostile, LAST))

    assert report.rejected_count == 1
    assert report.rejected[0].position == 2
    assert list(Challenge.objects.filter(ref__in=["nul", "surrogat"]).values_list("ref", flat=True)) == []
    assert Challenge.objects.filter(ref="til-slutt").exists()


def test_every_reason_can_be_printed_by_a_strict_utf8_terminal(tmp_path):
    path = tmp_path / "fiendtlig.jsonl"
    path.write_bytes(b"\n".join([FIRST, LONE_SURROGATE_REF, SURROGATE_IN_REASON, NUL_IN_TITLE, DEEPLY_NESTED, LAST]))
    terminal = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")

    call_command("import_challenges", str(path), stdout=terminal)

    terminal.flush()
    printed = terminal.buffer.getvalue().decode("utf-8")
    assert printed.count("linje ") == 4
    assert Challenge.objects.filter(ref="til-slutt").exists()
