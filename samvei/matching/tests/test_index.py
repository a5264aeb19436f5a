"""The in-memory index follows profile changes, and many candidates rank as a full sort would."""

import threading
from datetime import timedelta

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from samvei.challenges.models import Challenge
from samvei.challenges.tests.factories import ChallengeFactory
from samvei.geography.models import Municipality
from samvei.matching import index as index_module
from samvei.matching import scoring
from samvei.matching.index import current_index, forget_indexes, warm_indexes
from samvei.matching.models import MatchProfile
from samvei.matching.scoring import CandidateIndex, Profile, rank
from samvei.matching.selectors import challenges_for_organisation, organisations_for_challenge
from samvei.organisations.tests.factories import OrganisationFactory
from samvei.taxonomy.models import WelfareArea

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Runs the profile refreshes that saves enqueue after commit, as the worker would."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def challenge(on_commit):
    return on_commit(lambda: ChallengeFactory(title="Ensomhet på sykehjem", description="Beboere får få besøk."))


def test_the_index_follows_a_changed_profile_without_loading_everything_again(on_commit, challenge):
    on_commit(lambda: OrganisationFactory(name="Regnskapshjelpen AS", description="Regnskap for små bedrifter."))
    accountants = organisations_for_challenge(challenge=challenge, limit=1)[0].obj
    with current_index("organisation") as before:
        pass

    accountants.description = "Ungdom som besøksvenner for ensomme eldre på sykehjem i Stavanger."
    on_commit(accountants.save)
    on_commit(lambda: accountants.municipalities.set(Municipality.objects.filter(number="1103")))
    visitors = on_commit(lambda: OrganisationFactory(name="Besøksvennene AS", description="Besøk på sykehjem."))

    with current_index("organisation") as after:
        assert after is before
        assert after.municipalities[after.rows[accountants.pk]] == ("1103",)
    assert {m.obj for m in organisations_for_challenge(challenge=challenge, limit=5)} == {accountants, visitors}


def test_a_deleted_organisation_leaves_the_recommendations(on_commit, challenge):
    gone = on_commit(lambda: OrganisationFactory(name="Nedlagt AS", description="Besøksvenner på sykehjem."))
    assert [m.obj for m in organisations_for_challenge(challenge=challenge)] == [gone]

    pk = gone.pk
    on_commit(gone.delete)

    assert organisations_for_challenge(challenge=challenge) == []
    assert not MatchProfile.objects.get(kind="organisation", object_id=pk).active


def test_setting_welfare_areas_alone_updates_the_profile(on_commit):
    organisation = on_commit(lambda: OrganisationFactory(description="Vi driver en kafé."))

    on_commit(lambda: organisation.welfare_areas.set(WelfareArea.objects.filter(code="work-inclusion")))

    assert MatchProfile.objects.get(kind="organisation", object_id=organisation.pk).welfare_areas == "work-inclusion"


def test_a_closed_challenge_is_no_longer_suggested(on_commit, challenge):
    organisation = on_commit(lambda: OrganisationFactory(description="Besøksvenner for eldre på sykehjem."))
    assert [m.obj for m in challenges_for_organisation(organisation=organisation)] == [challenge]

    challenge.status = Challenge.Status.CLOSED
    on_commit(challenge.save)

    assert challenges_for_organisation(organisation=organisation) == []


def test_a_challenge_whose_deadline_has_passed_is_no_longer_suggested(on_commit, challenge):
    organisation = on_commit(lambda: OrganisationFactory(description="Besøksvenner for eldre på sykehjem."))
    assert [m.obj for m in challenges_for_organisation(organisation=organisation)] == [challenge]

    Challenge.objects.filter(pk=challenge.pk).update(deadline=timezone.localdate() - timedelta(days=1))

    assert challenges_for_organisation(organisation=organisation) == []


def test_a_change_stamped_before_the_last_refresh_is_still_applied(on_commit, challenge):
    first = on_commit(lambda: OrganisationFactory(description="Besøksvenner."))
    later = on_commit(lambda: OrganisationFactory(description="Regnskap."))
    with current_index("organisation"):
        pass
    seen = MatchProfile.objects.get(kind="organisation", object_id=later.pk).updated_at

    MatchProfile.objects.filter(kind="organisation", object_id=first.pk).update(
        municipalities="1103", updated_at=seen - timedelta(seconds=30)
    )

    with current_index("organisation") as index:
        assert index.municipalities[index.rows[first.pk]] == ("1103",)


def test_many_candidates_rank_as_a_full_sort_of_their_scores(monkeypatch):
    rng = np.random.default_rng(3)
    codes = ["elderly-care", "dementia", "housing", "poverty"]
    profiles = [
        Profile(
            key=n,
            text="",
            welfare_areas=frozenset(rng.choice(codes, size=rng.integers(0, 3), replace=False)),
            municipalities=frozenset({str(rng.choice(["1103", "0301", "4601"]))}),
            counties=frozenset({str(rng.choice(["11", "03", "46"]))}),
            national=bool(rng.random() < 0.1),
        )
        for n in range(500)
    ]
    vectors = rng.normal(size=(500, 8)).astype(np.float32)
    query = Profile(key="q", text="", welfare_areas=frozenset({"elderly-care"}), municipalities=frozenset({"1103"}),
                    counties=frozenset({"11"}))  # fmt: skip
    weights = {**scoring.WEIGHTS, "lexical": 0.0}
    index = CandidateIndex.of(profiles, vectors)

    everything = rank(query, vectors[0], index, query_is_place=True, limit=10, weights=weights)
    monkeypatch.setattr(scoring, "SHORTLIST", 20)
    shortlisted = rank(query, vectors[0], index, query_is_place=True, limit=10, weights=weights)

    assert [s.key for s in shortlisted] == [s.key for s in everything]
    assert everything[0].key == 0


def test_warming_loads_every_index_so_a_request_only_applies_changes(on_commit, challenge):
    on_commit(lambda: OrganisationFactory(name="Besøksvenn AS", description="Besøksvenner for eldre på sykehjem."))
    forget_indexes()

    warm_indexes()

    with CaptureQueriesContext(connection) as queries, current_index("organisation") as index:
        assert len(index) >= 1
    profile_reads = [query["sql"] for query in queries.captured_queries if "matching_matchprofile" in query["sql"]]
    assert profile_reads
    assert all('"updated_at" >=' in sql for sql in profile_reads)  # only changes, not a full load


def test_a_starting_web_worker_warms_the_indexes_in_a_thread_of_its_own(monkeypatch):
    import config.gunicorn

    warmed_in: list[threading.Thread] = []
    done = threading.Event()

    def warm():
        warmed_in.append(threading.current_thread())
        done.set()

    monkeypatch.setattr("samvei.matching.index.warm_indexes", warm)

    config.gunicorn.post_worker_init(worker=None)

    assert done.wait(timeout=10)
    assert warmed_in[0] is not threading.main_thread()


def test_a_worker_whose_warm_up_fails_logs_it_and_goes_on(monkeypatch, caplog):
    import config.gunicorn

    def fail():
        raise RuntimeError("database not ready")

    monkeypatch.setattr("samvei.matching.index.warm_indexes", fail)

    config.gunicorn._warm()

    assert "Could not load the matching indexes" in caplog.text


def test_a_load_that_fails_half_way_is_done_again_in_full(on_commit, challenge, monkeypatch):
    on_commit(lambda: OrganisationFactory(name="Besøksvenn AS", description="Besøksvenner for eldre på sykehjem."))
    MatchProfile.objects.update(updated_at=timezone.now() - timedelta(hours=1))  # long before any late commit
    forget_indexes()
    real_apply = index_module._apply

    def fail_once(loaded, rows, model_name):
        monkeypatch.setattr(index_module, "_apply", real_apply)
        raise RuntimeError("connection lost")

    monkeypatch.setattr(index_module, "_apply", fail_once)
    with pytest.raises(RuntimeError), current_index("organisation"):
        pass

    with current_index("organisation") as index:
        assert len(index) == MatchProfile.objects.filter(kind="organisation", active=True).count() >= 1
