"""At an equal score a real candidate ranks above a fictional example, in the pure scorer and through the
stored profiles every process's index is loaded from."""

import pytest

from samvei.challenges.tests.factories import ChallengeFactory
from samvei.geography.models import Municipality
from samvei.matching.models import MatchProfile
from samvei.matching.scoring import CandidateIndex, Profile, rank
from samvei.matching.selectors import organisations_for_challenge
from samvei.organisations.tests.factories import OrganisationFactory
from samvei.taxonomy.models import WelfareArea

NEED = Profile(key="need", text="", welfare_areas=frozenset({"elderly-care"}), municipalities=frozenset({"1103"}),
               counties=frozenset({"11"}))  # fmt: skip


def _twin(key, *, is_example):
    return Profile(key=key, text="", welfare_areas=frozenset({"elderly-care"}), municipalities=frozenset({"1103"}),
                   counties=frozenset({"11"}), is_example=is_example)  # fmt: skip


def test_a_real_candidate_ranks_above_an_example_with_the_same_score():
    index = CandidateIndex.of([_twin("example", is_example=True), _twin("real", is_example=False)])

    ranked = rank(NEED, None, index, query_is_place=True)

    assert ranked[0].score == ranked[1].score
    assert [s.key for s in ranked] == ["real", "example"]


def test_an_example_that_scores_better_still_ranks_first():
    better = Profile(key="example", text="", welfare_areas=frozenset({"elderly-care"}),
                     municipalities=frozenset({"1103"}), counties=frozenset({"11"}), is_example=True)  # fmt: skip
    worse = Profile(key="real", text="", welfare_areas=frozenset({"elderly-care"}))
    index = CandidateIndex.of([worse, better])

    assert [s.key for s in rank(NEED, None, index, query_is_place=True)] == ["example", "real"]


def test_the_limit_keeps_the_real_candidate_when_it_ties_with_an_example():
    index = CandidateIndex.of([_twin("example", is_example=True), _twin("real", is_example=False)])

    assert [s.key for s in rank(NEED, None, index, query_is_place=True, limit=1)] == ["real"]


@pytest.mark.django_db
def test_stored_profiles_rank_the_real_twin_first(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        twins = []
        # The same name and text, so the same score; the example is stored first.
        for slug, is_example in (("tvilling-eksempel", True), ("tvilling-ekte", False)):
            twin = OrganisationFactory(
                name="Tvilling AS", slug=slug, description="Besøksvenner for eldre.", is_example=is_example
            )
            twin.municipalities.set(Municipality.objects.filter(number="1103"))
            twin.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))
            twin.save()
            twins.append(twin)
        challenge = ChallengeFactory(title="Besøk på sykehjem", description="Beboere får få besøk.")
        challenge.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))
        challenge.save()
    example, real = twins

    assert MatchProfile.objects.get(kind="organisation", object_id=example.pk).is_example is True
    matches = organisations_for_challenge(challenge=challenge, limit=2)
    assert matches[0].score == matches[1].score
    assert [m.obj for m in matches] == [real, example]
