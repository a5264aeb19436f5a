"""The OpenAPI document at /api/v1/openapi.json: every enum under a name of its own with exactly its values, and
every operation documents the errors it can answer in the shape the API answers them."""

import json
from enum import Enum
from types import UnionType
from typing import Union, get_args, get_origin

import pytest
from ninja import Schema

from config.api import api
from samvei.challenges.models import Challenge, Pitch
from samvei.core.api_errors import ErrorOut, ValidationErrorOut
from samvei.core.openapi_copy import OPENAPI_COPY

pytestmark = pytest.mark.django_db

DOCUMENTED_ERRORS = {"400", "401", "403", "404", "422", "503"}


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def _resolve(document, schema):
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _enums_in(annotation):
    value = getattr(annotation, "__value__", annotation)  # a named alias (TypeAliasType)
    if isinstance(value, type) and issubclass(value, Enum):
        return {value}
    if get_origin(value) in {Union, UnionType, list, dict}:
        return {enum for argument in get_args(value) for enum in _enums_in(argument)}
    return set()


def _api_schemas():
    found, pending = set(), list(Schema.__subclasses__())
    while pending:
        schema = pending.pop()
        if schema not in found:
            found.add(schema)
            pending += schema.__subclasses__()
    return [schema for schema in found if schema.__module__.startswith("samvei.")]


def test_the_challenge_status_enum_lists_exactly_the_challenge_statuses(document):
    schemas = document["components"]["schemas"]
    parameters = document["paths"]["/api/v1/challenges"]["get"]["parameters"]
    status_parameter = next(parameter for parameter in parameters if parameter["name"] == "status")

    assert _resolve(document, schemas["ChallengeOut"]["properties"]["status"])["enum"] == Challenge.Status.values
    enum = next(_resolve(document, option) for option in status_parameter["schema"]["anyOf"] if "$ref" in option)
    assert enum["enum"] == Challenge.Status.values


def test_the_pitch_status_enum_lists_exactly_the_pitch_statuses(document):
    status = document["components"]["schemas"]["PitchOut"]["properties"]["status"]

    assert _resolve(document, status)["enum"] == Pitch.Status.values


def test_enum_component_names_are_unique(document):
    names = [name for name, schema in document["components"]["schemas"].items() if "enum" in schema]

    assert len({name.casefold() for name in names}) == len(names)
    assert api.get_openapi_schema(path_prefix="").name_clashes == set()


def test_every_enum_of_the_api_has_a_component_named_after_its_model_with_exactly_its_values(document):
    """Two enums both called `Status` once shared one component, so the challenge status showed pitch values."""
    enums = {
        enum
        for schema in _api_schemas()
        for field in schema.model_fields.values()
        for enum in _enums_in(field.annotation)
    }
    schemas = document["components"]["schemas"]

    assert enums, "the walk found no enums"
    for enum in enums:
        name = enum.__qualname__.replace(".", "")
        assert schemas.get(name, {}).get("enum") == [member.value for member in enum], name


def test_every_operation_documents_the_errors_in_the_json_error_shape(document):
    operations = [
        (path, method, operation) for path, item in document["paths"].items() for method, operation in item.items()
    ]

    assert len(operations) >= 17
    for path, method, operation in operations:
        responses = operation["responses"]
        assert set(responses) >= DOCUMENTED_ERRORS, (method, path)
        for status in DOCUMENTED_ERRORS:
            schema = responses[status]["content"]["application/json"]["schema"]
            expected = "ValidationErrorOut" if status == "422" else "ErrorOut"
            assert schema == {"$ref": f"#/components/schemas/{expected}"}, (method, path, status)
        assert "Retry-After" in responses["503"]["headers"], (method, path)


def test_the_documented_error_shapes_are_the_shapes_the_api_answers(client):
    not_found = client.get("/api/v1/challenges/999999")
    invalid = client.get("/api/v1/challenges?limit=many")
    unknown = client.get("/api/v1/challenges?county=99")
    unauthorised = client.get("/api/v1/pitches")

    assert (not_found.status_code, invalid.status_code, unknown.status_code) == (404, 422, 422)
    assert unauthorised.status_code == 401
    ErrorOut.model_validate(not_found.json())
    ErrorOut.model_validate(unauthorised.json())
    ValidationErrorOut.model_validate(invalid.json())
    ValidationErrorOut.model_validate(unknown.json())


def test_the_committed_copy_equals_the_served_document(document):
    committed = json.loads(OPENAPI_COPY.read_text(encoding="utf-8"))

    assert committed == document, "docs/openapi.json is out of date: run `make openapi` and commit it"
