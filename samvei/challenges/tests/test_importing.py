import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from samvei.challenges.importing import challenges_import
from samvei.challenges.models import Challenge, ChallengeEvent

pytestmark = pytest.mark.django_db

NEXT_MONTH = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
GOOD = {
    "ref": "stavanger-2027-01",
    "municipality": "1103",
    "title": "Ensomhet på sykehjem",
    "description": "Mange beboere får få besøk.",
    "deadline": NEXT_MONTH,
    "welfare_areas": ["elderly-care"],
    "target_groups": ["elderly"],
}


def _stream(*lines):
    return io.BytesIO(b"\n".join(line if isinstance(line, bytes) else json.dumps(line).encode() for line in lines))


def test_a_row_becomes_a_published_challenge_of_that_municipality():
    report = challenges_import(stream=_stream(GOOD))

    challenge = Challenge.objects.get(ref="stavanger-2027-01")
    assert report.created == 1
    assert challenge.owner.municipality.number == "1103"
    assert challenge.status == "published"
    assert [a.code for a in challenge.welfare_areas.all()] == ["elderly-care"]


def test_importing_the_same_file_twice_changes_nothing():
    challenges_import(stream=_stream(GOOD))
    events = ChallengeEvent.objects.count()

    report = challenges_import(stream=_stream(GOOD))

    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)
    assert ChallengeEvent.objects.count() == events


def test_a_changed_title_updates_the_challenge():
    challenges_import(stream=_stream(GOOD))

    report = challenges_import(stream=_stream({**GOOD, "title": "Nytt navn"}))

    assert report.updated == 1
    assert Challenge.objects.get(ref=GOOD["ref"]).title == "Nytt navn"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"{broken", "JSON"),
        (b"[1, 2]", "JSON"),
        ({**GOOD, "ref": "x1", "municipality": "9999"}, "9999"),
        ({**GOOD, "ref": "x2", "title": ""}, "title"),
        ({**GOOD, "ref": "x3", "deadline": "2020-01-01"}, "2020-01-01"),
        ({**GOOD, "ref": "x4", "deadline": "i morgen"}, "i morgen"),
        ({**GOOD, "ref": "x5", "welfare_areas": ["no-such-area"]}, "no-such-area"),
        ({k: v for k, v in GOOD.items() if k != "ref"}, "ref"),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_stores_nothing_while_good_rows_are_kept(line, reason):
    report = challenges_import(stream=_stream(GOOD, line, {**GOOD, "ref": "after"}))

    assert report.created == 2
    assert [(r.position, reason in r.reason) for r in report.rejected] == [(2, True)]
    assert set(Challenge.objects.values_list("ref", flat=True)) == {"stavanger-2027-01", "after"}


def test_the_command_prints_counts_and_rejections(tmp_path):
    path = tmp_path / "utfordringer.jsonl"
    path.write_bytes(_stream(GOOD, b"{broken").getvalue())
    out = io.StringIO()

    call_command("import_challenges", str(path), stdout=out)

    assert "1" in out.getvalue().splitlines()[0]
    assert out.getvalue().splitlines()[1].startswith(("line 2:", "linje 2:"))


def test_the_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError):
        call_command("import_challenges", str(tmp_path / "finnes-ikke.jsonl"))
