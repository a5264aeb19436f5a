"""`import_organisations F && import_challenges G && match --challenge REF --json` ranks matches with no other
command in between: each import leaves what it wrote searchable and matchable before it ends."""

import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from samvei.challenges.models import Challenge
from samvei.matching.models import MatchProfile
from samvei.organisations.models import Organisation
from samvei.search.selectors import search

pytestmark = pytest.mark.django_db(transaction=True)

ENTERPRISES = [
    {
        "org_number": "923609016",
        "name": "Besøksvennene AS",
        "kind": "social_enterprise",
        "description": "Vi besøker ensomme eldre på sykehjem og tar dem med på tur.",
        "municipalities": ["1103"],
        "national": False,
    },
    {
        "org_number": "914778271",
        "name": "Leksehjelpen SA",
        "kind": "social_enterprise",
        "description": "Leksehjelp for ungdom som står i fare for å slutte på videregående skole.",
        "municipalities": ["4601"],
        "national": False,
    },
]
CHALLENGE = {
    "ref": "stavanger-2027-07",
    "municipality": "1103",
    "title": "Ensomhet blant eldre på sykehjem",
    "description": "Mange beboere på sykehjemmene får sjelden besøk og kommer lite ut.",
    "welfare_areas": ["elderly-care"],
    "target_groups": ["elderly"],
}


@pytest.fixture
def files(tmp_path):
    organisations = tmp_path / "organisations.jsonl"
    organisations.write_text("\n".join(json.dumps(row) for row in ENTERPRISES) + "\n", encoding="utf-8")
    challenges = tmp_path / "challenges.jsonl"
    deadline = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    challenges.write_text(json.dumps({**CHALLENGE, "deadline": deadline}) + "\n", encoding="utf-8")
    return organisations, challenges


def _imported_ids():
    return list(Organisation.objects.filter(name__in=[row["name"] for row in ENTERPRISES]).values_list("pk", flat=True))


def test_imported_organisations_are_searchable_and_have_match_profiles_when_the_command_ends(files):
    call_command("import_organisations", str(files[0]), stdout=io.StringIO())

    ids = _imported_ids()
    assert len(ids) == 2
    assert MatchProfile.objects.filter(kind="organisation", object_id__in=ids, active=True).count() == 2
    assert "Besøksvennene AS" in [hit.title for hit in search(query="besøksvennene").hits]


def test_an_imported_challenge_has_a_match_profile_when_the_command_ends(files):
    call_command("import_challenges", str(files[1]), stdout=io.StringIO())

    challenge = Challenge.objects.get(ref=CHALLENGE["ref"])
    assert MatchProfile.objects.filter(kind="challenge", object_id=challenge.pk, active=True).exists()


def test_import_import_match_ranks_the_enterprise_that_fits_first(files):
    call_command("import_organisations", str(files[0]), stdout=io.StringIO())
    call_command("import_challenges", str(files[1]), stdout=io.StringIO())
    out, err = io.StringIO(), io.StringIO()

    call_command("match", "--challenge", CHALLENGE["ref"], "--json", stdout=out, stderr=err)

    rows = json.loads(out.getvalue())
    names = [row["name"] for row in rows]
    assert names[:1] == ["Besøksvennene AS"]
    assert "Computed" not in err.getvalue(), "match had to compute profiles the imports should have left"
