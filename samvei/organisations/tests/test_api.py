import pytest

from samvei.geography.models import Municipality
from samvei.taxonomy.models import TargetGroup, WelfareArea

from .factories import ContactPointFactory, OrganisationFactory

pytestmark = pytest.mark.django_db

ORGANISATIONS = "/api/v1/organisations"


@pytest.fixture
def elderly_care_in_stavanger(db):
    organisation = OrganisationFactory(name="Besøksvenner AS", org_number="974760673")
    organisation.welfare_areas.set(WelfareArea.objects.filter(code="elderly-care"))
    organisation.target_groups.set(TargetGroup.objects.filter(code="elderly"))
    organisation.municipalities.set(Municipality.objects.filter(number="1103"))
    return organisation


def test_list_is_paginated_with_count_and_items(client, elderly_care_in_stavanger):
    body = client.get(ORGANISATIONS, {"limit": 1}).json()

    assert body["count"] >= 380
    assert len(body["items"]) == 1


@pytest.mark.parametrize(
    "params",
    [
        {"welfare_area": "elderly-care"},
        {"target_group": "elderly"},
        {"municipality": "1103"},
        {"county": "11"},
        {"kind": "social_enterprise"},
        {"q": "besøksvenner"},
    ],
)
def test_each_filter_finds_the_organisation(client, elderly_care_in_stavanger, params):
    names = [item["name"] for item in client.get(ORGANISATIONS, {**params, "limit": 500}).json()["items"]]

    assert "Besøksvenner AS" in names


def test_filters_combine(client, elderly_care_in_stavanger):
    body = client.get(ORGANISATIONS, {"welfare_area": "elderly-care", "county": "03"}).json()

    assert "Besøksvenner AS" not in [item["name"] for item in body["items"]]


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"kind": "alien"}, 422),
        ({"municipality": "abc"}, 422),
        ({"county": "123"}, 422),
        ({"welfare_area": "no-such-area"}, 422),
        ({"municipality": "9999"}, 422),
        ({"limit": 0}, 422),
        ({"q": "x" * 201}, 422),
    ],
)
def test_invalid_filters_are_refused_with_422(client, params, status):
    response = client.get(ORGANISATIONS, params)

    assert response.status_code == status
    assert "detail" in response.json()


def test_detail_by_org_number(client, elderly_care_in_stavanger):
    body = client.get(f"{ORGANISATIONS}/974760673").json()

    assert body["name"] == "Besøksvenner AS"
    assert body["welfare_areas"] == [{"code": "elderly-care", "name": "Eldre og omsorg"}]
    assert body["municipalities"] == ["1103"]


def test_detail_names_in_english_when_asked(client, elderly_care_in_stavanger):
    body = client.get(f"{ORGANISATIONS}/974760673", headers={"accept-language": "en"}).json()

    assert body["welfare_areas"][0]["name"] == "Elderly care"


def test_unknown_org_number_is_a_json_404(client):
    response = client.get(f"{ORGANISATIONS}/123456789")

    assert response.status_code == 404
    assert response.json()["detail"]


def test_municipality_detail_includes_its_contact_points(client):
    ContactPointFactory(role_title="Kommunalsjef", is_entry_contact=True)

    body = client.get("/api/v1/municipalities/1103").json()

    assert body["contact_points"][0]["role_title"] == "Kommunalsjef"
    assert body["contact_points"][0]["is_entry_contact"] is True
    assert body["contact_points"][0]["possibly_outdated"] is False


def test_api_is_read_only(client, elderly_care_in_stavanger):
    assert client.post(ORGANISATIONS, {}).status_code == 405
    assert client.delete(f"{ORGANISATIONS}/974760673").status_code == 405


def test_list_uses_a_fixed_number_of_queries(client, elderly_care_in_stavanger, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get(ORGANISATIONS, {"limit": 100})
