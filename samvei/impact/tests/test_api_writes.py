"""Indicators and measurements through the API: only for a key whose organisation is a party, checked as the
web forms check, one value a day, and nothing written on bad input."""

import json

import pytest

from samvei.apikeys.services import api_token_create
from samvei.impact.models import Indicator, Measurement
from samvei.organisations.tests.factories import MembershipFactory

from .factories import IndicatorFactory, LogicModelEntryFactory

pytestmark = pytest.mark.django_db

INDICATOR = {"name": "Besøk per uke", "unit": "besøk", "direction": "higher", "data_source": "Besøkslogg"}


def _post(client, path, payload, key):
    return client.post(
        f"/api/v1{path}", data=json.dumps(payload), content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}"
    )


@pytest.fixture
def body_key(stavanger, body_member):
    return api_token_create(user=body_member, organisation=stavanger, name="Fagsystem")[1]


@pytest.fixture
def partner_key(enterprise, partner_member):
    return api_token_create(user=partner_member, organisation=enterprise, name="Fagsystem")[1]


@pytest.fixture
def indicator(collaboration):
    return IndicatorFactory(collaboration=collaboration)


def test_either_party_adds_an_indicator(client, collaboration, body_key, partner_key):
    for key in (body_key, partner_key):
        response = _post(client, f"/collaborations/{collaboration.pk}/indicators", INDICATOR, key)
        assert response.status_code == 201, response.content
    assert collaboration.indicators.filter(name=INDICATOR["name"]).count() == 2


def test_an_outsiders_key_does_not_find_the_collaboration(client, collaboration, third_org_member):
    organisation = third_org_member.memberships.get().organisation
    key = api_token_create(user=third_org_member, organisation=organisation, name="Fagsystem")[1]
    response = _post(client, f"/collaborations/{collaboration.pk}/indicators", INDICATOR, key)
    assert response.status_code == 404
    assert not Indicator.objects.filter(name=INDICATOR["name"]).exists()


def test_a_party_members_key_for_another_organisation_does_not_reach_it(client, collaboration, body_member):
    other = MembershipFactory(user=body_member).organisation
    key = api_token_create(user=body_member, organisation=other, name="Fagsystem")[1]
    response = _post(client, f"/collaborations/{collaboration.pk}/indicators", INDICATOR, key)
    assert response.status_code == 404


def test_another_collaborations_logic_model_entry_is_refused(client, collaboration, other_collaboration, body_key):
    foreign = LogicModelEntryFactory(collaboration=other_collaboration, level="outcome")
    response = _post(
        client, f"/collaborations/{collaboration.pk}/indicators", {**INDICATOR, "outcome": foreign.pk}, body_key
    )
    assert response.status_code == 422
    assert not Indicator.objects.filter(name=INDICATOR["name"]).exists()


@pytest.mark.parametrize(
    "payload",
    [{}, {**INDICATOR, "direction": "sideways"}, {**INDICATOR, "name": "x" * 201}, {**INDICATOR, "baseline": "mye"}],
)
def test_bad_indicator_input_changes_nothing(client, collaboration, body_key, payload):
    assert _post(client, f"/collaborations/{collaboration.pk}/indicators", payload, body_key).status_code == 422
    assert not collaboration.indicators.exists()


def test_a_measurement_is_added_once_a_day(client, collaboration, indicator, body_key):
    path = f"/collaborations/{collaboration.pk}/indicators/{indicator.pk}/measurements"
    first = _post(client, path, {"measured_on": "2026-01-05", "value": "3.5"}, body_key)
    assert first.status_code == 201, first.content
    assert first.json()["value"] in ("3.5", 3.5, "3.5000")
    second = _post(client, path, {"measured_on": "2026-01-05", "value": 4}, body_key)
    assert second.status_code == 422
    assert second.json()["detail"][0]["loc"] == ["body", "measured_on"]
    assert Measurement.objects.filter(indicator=indicator).count() == 1


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"measured_on": "2999-01-01", "value": 1},
        {"measured_on": "ikke en dato", "value": 1},
        {"measured_on": "2026-01-05", "value": "1e400"},
        {"measured_on": "2026-01-05", "value": 1, "note": "x" * 2001},
    ],
)
def test_bad_measurement_input_changes_nothing(client, collaboration, indicator, body_key, payload):
    path = f"/collaborations/{collaboration.pk}/indicators/{indicator.pk}/measurements"
    assert _post(client, path, payload, body_key).status_code == 422
    assert not Measurement.objects.exists()


def test_an_indicator_of_another_collaboration_is_not_found(client, collaboration, other_collaboration, body_key):
    foreign = IndicatorFactory(collaboration=other_collaboration)
    path = f"/collaborations/{collaboration.pk}/indicators/{foreign.pk}/measurements"
    assert _post(client, path, {"measured_on": "2026-01-05", "value": 1}, body_key).status_code == 404
    assert not Measurement.objects.exists()
