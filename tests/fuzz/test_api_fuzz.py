"""Schemathesis against the running app (issue 16 §5): every operation the app documents is called over HTTP on
pytest-django's live server with generated input, anonymously and signed in, and every answer must be
documented, in the documented content type, and match its schema (error answers included). The signed-in
run is an admin of a municipality with a session and an API key.

The document is read from the app at collection, so that each operation is its own test item; the live server
starts only with the first test, and test_the_fuzzed_document_is_the_one_the_live_server_serves checks that it
serves the same. `schemathesis.pytest.from_fixture`, which would load it from the live server, fails on pytest
9.2 (schemathesis 4.32.5 reads `Function._nodeid`, which pytest no longer has)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
import requests
import schemathesis
from django.conf import settings as django_settings
from django.core.wsgi import get_wsgi_application
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

# No 5xx, a documented status and content type, and a body and headers that match the schema.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
# Bounded and the same on every run: minutes on two shared cores, and a failure replays as it was found.
FUZZ_SETTINGS = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
# Rows that exist, by path parameter name; filled by `fuzz_data` for each test, read while cases are drawn.
KNOWN: dict[str, list[Any]] = {}


def _with_known_values(known: dict[str, list[Any]]) -> Any:
    """A hook that sometimes replaces generated path parameters with ones that exist, so that answers with
    content are fuzzed too and not only 404s. None of CHECKS depends on whether a case was meant to be valid,
    so swapping a negative case's parameters changes no verdict."""

    def flatmap_path_parameters(context: Any, path_parameters: dict[str, Any] | None) -> st.SearchStrategy[Any]:
        if not path_parameters or not any(known.get(name) for name in path_parameters):
            return st.just(path_parameters)
        existing = st.fixed_dictionaries(
            {
                name: st.sampled_from(known[name]) if known.get(name) else st.just(value)
                for name, value in path_parameters.items()
            }
        )
        return st.one_of(st.just(path_parameters), existing)

    return flatmap_path_parameters


def _served_document() -> dict[str, Any]:
    """The OpenAPI document as the app serves it, fetched through the app's own WSGI handler."""
    served = schemathesis.openapi.from_wsgi(reverse("api-v1:openapi-json"), get_wsgi_application())
    return dict(served.raw_schema)


DOCUMENT = _served_document()
# From the document, not the WSGI app, so that every case goes over HTTP to the live server.
schema = schemathesis.openapi.from_dict(DOCUMENT)
schema.hook(_with_known_values(KNOWN))


@pytest.fixture
def fuzz_data(live_server: Any, settings: Any) -> dict[str, list[Any]]:
    """Beside the reference data every migration loads (municipalities, counties, taxonomy, procurement rules,
    proxies): a published challenge of Stavanger kommune with an answered question, an enterprise's pitch to
    it, and a collaboration of the two with an indicator and a measurement. Rate limits are off, so that
    generated input reaches the handlers rather than the limiter."""
    from samvei.challenges.models import Question
    from samvei.challenges.tests.factories import ChallengeFactory, PitchFactory
    from samvei.collaborations.tests.factories import DirectCollaborationFactory
    from samvei.core.rate_limits import DEFAULT_RATE_LIMITS
    from samvei.impact.tests.factories import IndicatorFactory, MeasurementFactory
    from samvei.organisations.models import Organisation
    from samvei.organisations.tests.factories import OrganisationFactory

    settings.RATE_LIMITS = dict.fromkeys(DEFAULT_RATE_LIMITS, "")
    stavanger = Organisation.objects.get(municipality__number="1103")
    enterprise = OrganisationFactory(org_number="999888777")
    challenge = ChallengeFactory()
    Question.objects.create(challenge=challenge, text="Hvor mange beboere?", answer="Rundt 40.")
    pitch = PitchFactory(challenge=challenge, sender=enterprise)
    collaboration = DirectCollaborationFactory(public_body=stavanger, partner=enterprise)
    indicator = IndicatorFactory(collaboration=collaboration)
    MeasurementFactory(indicator=indicator)
    KNOWN.clear()
    KNOWN.update(
        {
            "challenge_id": [challenge.pk],
            "pitch_id": [pitch.pk],
            "collaboration_id": [collaboration.pk],
            "indicator_id": [indicator.pk],
            "number": ["1103", "0301"],
            "org_number": [enterprise.org_number, stavanger.org_number],
        }
    )
    return KNOWN


@dataclass(frozen=True)
class SignedIn:
    key: str
    session_cookie: dict[str, str]


@pytest.fixture
def municipality_admin(fuzz_data: dict[str, list[Any]]) -> SignedIn:
    """An admin of Stavanger kommune, the public body behind the challenge, the pitch and the collaboration,
    with an API key (for writing) and a session (for reading the pitches, which asks for one)."""
    from samvei.apikeys.services import api_token_create
    from samvei.organisations.models import Membership, Organisation
    from samvei.organisations.tests.factories import MembershipFactory

    membership = MembershipFactory(
        organisation=Organisation.objects.get(municipality__number="1103"), role=Membership.Role.ADMIN
    )
    _token, raw = api_token_create(user=membership.user, organisation=membership.organisation, name="Fuzzing")
    client = Client()
    client.force_login(membership.user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    return SignedIn(key=raw, session_cookie={cookie.key: cookie.value})


@schema.parametrize()
@FUZZ_SETTINGS
def test_anonymous_requests_get_documented_answers(case: Any, live_server: Any, fuzz_data: Any) -> None:
    """Without a session or a valid key (schemathesis makes up bearer values for the writing operations)."""
    case.call_and_validate(base_url=live_server.url, checks=CHECKS)


def _needs_key(method: str, path: str) -> bool:
    """The coverage phase also sends methods a path does not have (TRACE, say); those need no key."""
    operation = DOCUMENT["paths"][path].get(method.lower(), {})
    return any("TokenAuth" in requirement for requirement in operation.get("security", []))


@schema.parametrize()
@FUZZ_SETTINGS
def test_signed_in_requests_get_documented_answers(case: Any, live_server: Any, municipality_admin: SignedIn) -> None:
    """With the admin's session and key (`Authorization: Bearer`, replacing whatever schemathesis generated
    there), so that the locked operations are fuzzed past authentication: a request that carries the key is
    never answered 401. Cases that test a missing header go without it: schemathesis strips the header then."""
    authorization = f"Bearer {municipality_admin.key}"
    response = case.call_and_validate(
        base_url=live_server.url,
        headers={"Authorization": authorization},
        cookies=municipality_admin.session_cookie,
        checks=CHECKS,
    )
    if _needs_key(case.method, case.path) and response.request.headers.get("Authorization") == authorization:
        assert response.status_code != 401, response.text


def test_the_fuzzed_document_is_the_one_the_live_server_serves(live_server: Any) -> None:
    response = requests.get(live_server.url + reverse("api-v1:openapi-json"), timeout=30)
    assert response.status_code == 200
    assert response.json() == DOCUMENT


def test_the_signed_in_run_covers_every_writing_operation() -> None:
    """The writing operations of issue 16 are in the document and need a key; one the document lost, or that
    lost its lock, would otherwise leave the signed-in run green without fuzzing it."""
    writing = {
        ("POST", "/api/v1/challenges"),
        ("POST", "/api/v1/challenges/{challenge_id}/questions"),
        ("POST", "/api/v1/challenges/{challenge_id}/pitches"),
        ("POST", "/api/v1/pitches/{pitch_id}/messages"),
        ("POST", "/api/v1/collaborations/{collaboration_id}/indicators"),
        ("POST", "/api/v1/collaborations/{collaboration_id}/indicators/{indicator_id}/measurements"),
    }
    assert all(_needs_key(method, path) for method, path in writing)
