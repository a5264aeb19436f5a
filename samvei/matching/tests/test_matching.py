import io
import json

import numpy as np
import pytest
from django.core.management import call_command
from django.urls import reverse

from samvei.challenges.models import Challenge
from samvei.challenges.tests.factories import ChallengeFactory
from samvei.geography.models import Municipality
from samvei.matching.embeddings import default_embedder, from_bytes
from samvei.matching.inference import inferred_target_groups, inferred_welfare_areas
from samvei.matching.models import Embedding, MatchProfile
from samvei.matching.profiles import challenge_profile
from samvei.matching.scoring import Profile, rank_organisations
from samvei.matching.selectors import challenges_for_organisation, organisations_for_challenge
from samvei.matching.services import profiles_refresh, query_vector
from samvei.organisations.models import Membership, Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory
from samvei.taxonomy.models import WelfareArea

CHALLENGE = Profile(key="c", text="Ensomhet blant beboere på sykehjem", welfare_areas=frozenset({"elderly-care"}),
                    municipalities=frozenset({"1103"}), counties=frozenset({"11"}))  # fmt: skip


def test_geography_prefers_the_municipality_then_the_county_then_national_reach():
    here = Profile(key="here", text="", municipalities=frozenset({"1103"}), counties=frozenset({"11"}))
    county = Profile(key="county", text="", municipalities=frozenset({"1108"}), counties=frozenset({"11"}))
    national = Profile(key="national", text="", national=True)
    elsewhere = Profile(key="elsewhere", text="", municipalities=frozenset({"0301"}), counties=frozenset({"03"}))

    ranked = rank_organisations(CHALLENGE, None, [elsewhere, national, county, here], None)

    assert [s.key for s in ranked] == ["here", "county", "national", "elsewhere"]


def test_the_right_area_in_the_right_place_ranks_first_and_says_why():
    fit = Profile(key="fit", text="Besøksvenner for eldre", welfare_areas=frozenset({"elderly-care"}),
                  municipalities=frozenset({"1103"}), counties=frozenset({"11"}))  # fmt: skip
    far = Profile(key="far", text="Besøksvenner for eldre", welfare_areas=frozenset({"elderly-care"}),
                  municipalities=frozenset({"5601"}), counties=frozenset({"56"}))  # fmt: skip
    other = Profile(
        key="other", text="Regnskap for bedrifter", municipalities=frozenset({"1103"}), counties=frozenset({"11"})
    )

    ranked = rank_organisations(CHALLENGE, None, [far, other, fit], None)

    assert ranked[0].key == "fit"
    assert any("1103" in reason for reason in ranked[0].reasons)
    assert any("elderly-care" in reason for reason in ranked[0].reasons)


def test_semantic_similarity_decides_between_otherwise_equal_candidates():
    a, b = Profile(key="a", text="x"), Profile(key="b", text="y")
    vectors = np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32)

    ranked = rank_organisations(CHALLENGE, np.array([0.0, 1.0], dtype=np.float32), [a, b], vectors)

    assert [s.key for s in ranked] == ["b", "a"]


@pytest.mark.parametrize(
    ("text", "area", "group"),
    [
        ("Einsame bebuarar på sjukeheimen treng besøk", "elderly-care", "elderly"),
        ("Ungdom som faller ut av videregående skole", "school-dropout", "youth"),
        ("Flyktninger som trenger arbeidstrening", "integration", "immigrants-refugees"),
    ],
)
def test_areas_and_groups_are_read_from_bokmal_and_nynorsk_text(text, area, group):
    assert area in inferred_welfare_areas(text)
    assert group in inferred_target_groups(text)


@pytest.mark.django_db
def test_a_profile_and_its_embedding_are_computed_once_per_text():
    organisation = OrganisationFactory(description="Ungdom som besøksvenner for eldre.")

    assert profiles_refresh(kind="organisation", object_ids=[organisation.pk]) == 1
    assert profiles_refresh(kind="organisation", object_ids=[organisation.pk]) == 0
    assert Embedding.objects.filter(object_id=organisation.pk, kind="organisation").count() == 2
    profile = MatchProfile.objects.get(kind="organisation", object_id=organisation.pk)
    assert "eldr" in profile.terms.split()
    assert "elderly" in profile.target_groups.split()


@pytest.mark.django_db
def test_public_bodies_are_not_embedded(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Organisation.objects.get(municipality__number="1103").save()

    assert not Embedding.objects.filter(kind="organisation").exists()


@pytest.fixture
def matched(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        visitors = OrganisationFactory(name="Besøksvennene AS", description="Ungdom besøker eldre på sykehjem.")
        visitors.municipalities.set(Municipality.objects.filter(number="1103"))
        visitors.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))
        visitors.save()
        OrganisationFactory(name="Regnskapshjelpen AS", description="Regnskap for små bedrifter.").save()
        silent = OrganisationFactory(name="Taus AS", description="")
        silent.save()
        challenge = ChallengeFactory(title="Ensomhet på sykehjem", description="Beboere får få besøk.")
        challenge.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))
        challenge.save()
    return challenge, visitors, silent


def test_organisations_for_a_challenge_put_the_fitting_one_first_with_reasons_in_norwegian(matched):
    challenge, visitors, _silent = matched

    matches = organisations_for_challenge(challenge=challenge, limit=3)

    assert matches[0].obj == visitors
    assert "Arbeider i Stavanger" in matches[0].reasons
    assert any(reason.startswith("Samme velferdsområde") for reason in matches[0].reasons)


def test_an_organisation_without_description_still_gets_an_answer(matched):
    _challenge, _visitors, silent = matched

    matches = challenges_for_organisation(organisation=silent, limit=5)

    assert [m.obj.title for m in matches] == ["Ensomhet på sykehjem"]


def test_the_match_command_prints_ranked_json(matched):
    challenge, visitors, _silent = matched
    out = io.StringIO()

    call_command("match", "--challenge", str(challenge.pk), "--limit", "2", "--json", stdout=out)

    rows = json.loads(out.getvalue())
    assert rows[0]["name"] == visitors.name
    assert set(rows[0]) == {"org_number", "name", "score", "reasons"}
    assert rows[0]["score"] >= rows[1]["score"]


def test_challenge_matches_are_for_the_owner_only(client, matched):
    challenge, visitors, _silent = matched
    owner = MembershipFactory(organisation=challenge.owner, role=Membership.Role.MEMBER).user
    outsider = MembershipFactory().user
    url = f"/api/v1/challenges/{challenge.pk}/matches"

    assert client.get(url).status_code == 401
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(owner)
    assert client.get(url).json()[0]["name"] == visitors.name
    page = reverse("matching:challenge-matches", kwargs={"pk": challenge.pk})
    assert visitors.name in client.get(page).text
    client.force_login(outsider)
    assert client.get(page).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "status"),
    [("/api/v1/organisations/123456789/matches", 404), ("/api/v1/organisations/911705214/matches?limit=0", 422)],
)
def test_organisation_matches_refuse_unknown_numbers_and_bad_limits(client, path, status):
    OrganisationFactory(org_number="911705214")

    assert client.get(path).status_code == status


@pytest.mark.django_db
def test_generate_demo_creates_marked_examples_that_search_and_matching_can_use():
    from samvei.search.selectors import search
    from samvei.search.services import rebuild_index

    call_command("generate_demo", "--organisations", "40", "--challenges", "5", stdout=io.StringIO())
    rebuild_index(kinds=["organisation", "challenge"])
    call_command("refresh_embeddings", stdout=io.StringIO())

    examples = Organisation.objects.filter(slug__startswith="demo-org-")
    assert examples.count() == 40
    assert not examples.filter(is_example=False).exists()
    assert Challenge.objects.filter(is_example=True, status="published").count() == 5
    first = examples.order_by("pk").first()
    assert first.name in [hit.title for hit in search(query=first.name).hits]
    challenge = Challenge.objects.filter(is_example=True).first()
    assert organisations_for_challenge(challenge=challenge, limit=3)


@pytest.mark.django_db
def test_a_text_changed_since_its_profile_was_stored_is_embedded_now_as_one_vector():
    challenge = ChallengeFactory(description="Eldre på sykehjem får sjelden besøk.")
    profiles_refresh(kind="challenge", object_ids=[challenge.pk])
    Challenge.objects.filter(pk=challenge.pk).update(description="Unge uten jobb trenger arbeidstrening.")
    challenge.refresh_from_db()

    vector = query_vector(kind="challenge", profile=challenge_profile(challenge))

    assert vector.shape == (default_embedder().dimensions,)
    stored = MatchProfile.objects.get(kind="challenge", object_id=challenge.pk).vector
    assert not np.allclose(vector, from_bytes(bytes(stored)))
