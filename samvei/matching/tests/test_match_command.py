"""`manage.py match` never answers an empty list silently: it computes what is missing, or says why."""

import io
import json

import pytest
from django.core.management import call_command

from samvei.challenges.models import Challenge
from samvei.challenges.tests.factories import ChallengeFactory
from samvei.matching.models import MatchProfile
from samvei.organisations.models import Organisation

pytestmark = pytest.mark.django_db


def _match(*args: str) -> tuple[list[dict], str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("match", *args, "--json", stdout=out, stderr=err)
    return json.loads(out.getvalue()), err.getvalue()


def test_organisations_written_in_bulk_without_profiles_are_ranked():
    challenge = ChallengeFactory(description="Ensomme eldre på sykehjem trenger besøk.")
    Organisation.objects.bulk_create(
        Organisation(name=f"Besøksvenn {n}", slug=f"besoksvenn-{n}", kind=Organisation.Kind.SOCIAL_ENTERPRISE,
                     description="Vi besøker eldre på sykehjem.")
        for n in range(3)
    )  # fmt: skip
    assert not MatchProfile.objects.filter(kind="organisation").exists()

    rows, said = _match("--challenge", str(challenge.pk))

    assert [row["name"] for row in rows] != []
    assert {row["name"] for row in rows} == {"Besøksvenn 0", "Besøksvenn 1", "Besøksvenn 2"}
    assert "Computed 3 missing match profiles" in said


def test_no_candidates_is_said_not_printed_as_a_silent_empty_list():
    challenge = ChallengeFactory()
    Organisation.objects.exclude(kind__in=Organisation.PUBLIC_BODY_KINDS).delete()

    rows, said = _match("--challenge", str(challenge.pk))

    assert rows == []
    assert "No organisation can be recommended" in said


def test_no_open_challenge_is_said_for_an_organisation():
    organisation = Organisation.objects.create(
        name="Turvenner", slug="turvenner", kind=Organisation.Kind.SOCIAL_ENTERPRISE, org_number="923609016"
    )
    Challenge.objects.update(status=Challenge.Status.CLOSED)

    rows, said = _match("--organisation", organisation.org_number)

    assert rows == []
    assert "No challenge can be recommended" in said
