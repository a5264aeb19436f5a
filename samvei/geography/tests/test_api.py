import pytest

pytestmark = pytest.mark.django_db

MUNICIPALITIES = "/api/v1/municipalities"


def test_municipality_list_reports_all_357(client):
    response = client.get(MUNICIPALITIES)

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 357
    assert len(body["items"]) == 50


def test_municipality_list_pages_with_limit_and_offset(client):
    first = client.get(MUNICIPALITIES, {"limit": 2, "offset": 0}).json()["items"]
    second = client.get(MUNICIPALITIES, {"limit": 2, "offset": 2}).json()["items"]

    numbers = [item["number"] for item in first + second]
    assert len(set(numbers)) == 4


def test_municipality_list_filters_by_county(client):
    body = client.get(MUNICIPALITIES, {"county": "03"}).json()

    assert body["count"] == 1
    assert body["items"][0]["name"] == "Oslo"
    assert body["items"][0]["county"] == {"number": "03", "name": "Oslo"}
    assert [name["name"] for name in body["items"][0]["names"]] == ["Oslo", "Oslove"]
    assert body["items"][0]["org_number"] == "958935420"
    assert body["items"][0]["url"] == "/kommuner/0301/"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": -1}, "Må være minst 1."),
        ({"limit": "abc"}, "Må være et heltall."),
        ({"limit": 100000}, "Må være høyst 500."),
        ({"offset": -5}, "Må være minst 0."),
        ({"county": "abc"}, "Har feil format."),
    ],
)
def test_municipality_list_rejects_invalid_parameters_with_a_translated_message(client, params, message):
    response = client.get(MUNICIPALITIES, params, headers={"accept-language": "nb"})

    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == message


def test_municipality_list_rejects_invalid_parameters_in_english_when_asked(client):
    response = client.get(MUNICIPALITIES, {"limit": "abc"}, headers={"accept-language": "en"})

    assert response.json()["detail"][0]["msg"] == "Must be a whole number."


def test_municipality_list_rejects_an_unknown_county(client):
    response = client.get(MUNICIPALITIES, {"county": "99"}, headers={"accept-language": "nb"})

    assert response.status_code == 422
    assert response.json()["detail"] == "Det finnes ikke noe fylke med nummer 99."


def test_municipality_list_uses_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        client.get(MUNICIPALITIES, {"limit": 500})


def test_municipality_detail(client):
    response = client.get(f"{MUNICIPALITIES}/5610")

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Karasjok"
    assert [name["name"] for name in body["names"]] == ["Karasjok", "Kárášjohka"]
    assert body["written_language"] == "bokmal"


def test_unknown_municipality_is_a_json_404(client):
    response = client.get(f"{MUNICIPALITIES}/9999", headers={"accept-language": "nb"})

    assert response.status_code == 404
    assert response["content-type"] == "application/json; charset=utf-8"
    assert response.json() == {"detail": "Det finnes ingen kommune med nummer 9999."}


def test_counties_are_listed(client):
    response = client.get("/api/v1/counties")

    assert [county["number"] for county in response.json()][:2] == ["03", "11"]


def test_api_root_points_to_documentation_and_resources(client):
    body = client.get("/api/v1/").json()

    assert body["openapi"] == "/api/v1/openapi.json"
    assert body["resources"]["municipalities"] == MUNICIPALITIES


def test_openapi_document_describes_the_municipality_endpoints(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert "/api/v1/municipalities" in schema["paths"]
    assert "/api/v1/municipalities/{number}" in schema["paths"]


def test_api_docs_page_is_served(client):
    response = client.get("/api/v1/docs")

    assert response.status_code == 200


def test_municipality_detail_gives_every_official_name_with_its_language(client):
    body = client.get(f"{MUNICIPALITIES}/5540").json()

    assert [(name["name"], name["language"]) for name in body["names"]] == [
        ("Kåfjord", "no"),
        ("Gáivuotna", "se"),
        ("Kaivuono", "fkv"),
    ]


def test_municipality_detail_says_when_a_name_took_effect_and_whether_its_language_is_verified(client):
    body = client.get(f"{MUNICIPALITIES}/5006").json()

    assert body["names"][1] == {
        "name": "Stïentje",
        "language": "sma",
        "language_verified": False,
        "valid_from": "2026-01-01",
    }


def test_counties_are_listed_with_their_official_names(client):
    counties = {county["number"]: county for county in client.get("/api/v1/counties").json()}

    assert [(name["name"], name["language"]) for name in counties["56"]["names"]] == [
        ("Finnmark", "no"),
        ("Finnmárku", "se"),
        ("Finmarkku", "fkv"),
    ]
    assert [name["name"] for name in counties["11"]["names"]] == ["Rogaland"]


def test_counties_are_listed_with_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        client.get("/api/v1/counties")
