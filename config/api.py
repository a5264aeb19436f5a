"""The open API: one NinjaAPI that mounts each app's router, with translated error messages in one JSON shape,
documented on every operation."""

from __future__ import annotations

import logging
from typing import Any

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.openapi.schema import REF_TEMPLATE, OpenAPISchema
from ninja.operation import Operation
from ninja.schema import NinjaGenerateJsonSchema

from samvei.challenges.api import router as challenges_router
from samvei.challenges.api_writes import router as challenge_writes_router
from samvei.cookbook.api import router as cookbook_router
from samvei.core.api_errors import ErrorOut, ValidationErrorOut, unavailable_detail, validation_error_detail
from samvei.core.health import RETRY_AFTER_SECONDS
from samvei.geography.api import router as geography_router
from samvei.impact.api import router as impact_router
from samvei.impact.api_proxies import router as impact_proxies_router
from samvei.impact.api_writes import router as impact_writes_router
from samvei.matching.api import router as matching_router
from samvei.organisations.api import router as organisations_router
from samvei.procurement.api import router as procurement_router
from samvei.search.api import router as search_router

logger = logging.getLogger(__name__)

# The errors any operation can answer, each in the shape of samvei.core.api_errors; documented on every operation.
ERROR_RESPONSES: dict[int, tuple[type[Schema], str]] = {
    400: (ErrorOut, "The request could not be read, e.g. the address holds a NUL character."),
    401: (ErrorOut, "Not signed in: reading your own pitches needs a session, writing needs an API key."),
    403: (ErrorOut, "Signed in, but not allowed to do this."),
    404: (ErrorOut, "Not found, or not visible to you."),
    422: (ValidationErrorOut, "Invalid input: one entry per field, or one message for an unknown filter value."),
    503: (ErrorOut, "The database does not answer; try again after the seconds in Retry-After."),
}


class SamveiOpenAPISchema(OpenAPISchema):
    """Ninja's OpenAPI document, with two additions: every operation documents ERROR_RESPONSES, and two
    different schemas under one component name (two nested `Status` enums, say) are recorded in `name_clashes`
    rather than silently overwriting each other; samvei/core/tests/test_openapi.py requires there to be none."""

    def __init__(self, api: NinjaAPI, path_prefix: str) -> None:
        self.name_clashes: set[str] = set()
        super().__init__(api, path_prefix)

    def responses(self, operation: Operation) -> dict[int, dict[str, Any]]:
        result = super().responses(operation)
        for status, (model, description) in ERROR_RESPONSES.items():
            documented = result.setdefault(status, {"description": description})
            documented.setdefault("content", {"application/json": {"schema": self._component(model)}})
        result[503].setdefault(
            "headers",
            {"Retry-After": {"description": "Seconds to wait before trying again", "schema": {"type": "integer"}}},
        )
        return result

    def _component(self, model: type[Schema]) -> dict[str, str]:
        schema = model.model_json_schema(ref_template=REF_TEMPLATE, schema_generator=NinjaGenerateJsonSchema)
        self.add_schema_definitions({**schema.pop("$defs", {}), model.__name__: schema})
        return {"$ref": REF_TEMPLATE.format(model=model.__name__)}

    def add_schema_definitions(self, definitions: dict[str, Any]) -> None:
        for name, definition in definitions.items():
            if name in self.schemas and self.schemas[name] != definition:
                logger.warning("Two API schemas are both named %s; give one its own name.", name)
                self.name_clashes.add(name)
        super().add_schema_definitions(definitions)


class SamveiApi(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return SamveiOpenAPISchema(self, path_prefix)


api = SamveiApi(
    title="Samvei API",
    version="1",
    description="Open data from Samvei: municipalities, counties, organisations, challenges, procurement rules "
    'and the cookbook. Lists are paginated with `limit` and `offset` and answer `{"count", "items"}`. '
    "Operations tagged `writing` act for one organisation with an API key made on your profile page, sent as "
    "`Authorization: Bearer <key>`.",
    urls_namespace="api-v1",
)
api.add_router("/", geography_router)
api.add_router("/", organisations_router)
api.add_router("/", challenges_router)
api.add_router("/", cookbook_router)
api.add_router("/", search_router)
api.add_router("/", matching_router)
api.add_router("/", procurement_router)
api.add_router("/", impact_router)
api.add_router("/", impact_proxies_router)
api.add_router("/", challenge_writes_router)
api.add_router("/", impact_writes_router)


@api.exception_handler(ValidationError)
def validation_failed(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": validation_error_detail(exc.errors)}, status=422)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, {"detail": _("Sign in, or send a valid API key from your profile page, to do this.")}, status=401
    )


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


def _database_unavailable(request: HttpRequest, exc: Exception) -> HttpResponse:
    """The database does not answer (refused, timed out, dropped): a 503 the client may retry, not a 500."""
    logger.error("The database does not answer: %s", exc, exc_info=exc)
    response = api.create_response(request, {"detail": unavailable_detail()}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@api.exception_handler(OperationalError)
def database_refused(request: HttpRequest, exc: OperationalError) -> HttpResponse:
    return _database_unavailable(request, exc)


@api.exception_handler(InterfaceError)
def database_connection_lost(request: HttpRequest, exc: InterfaceError) -> HttpResponse:
    return _database_unavailable(request, exc)


class ApiRoot(Schema):
    name: str
    version: str
    docs: str
    openapi: str
    resources: dict[str, str]


@api.get("/", response=ApiRoot, summary="What this API offers", tags=["meta"])
def api_root(request: HttpRequest) -> dict[str, object]:
    return {
        "name": "Samvei API",
        "version": "1",
        "docs": reverse("api-v1:openapi-view"),
        "openapi": reverse("api-v1:openapi-json"),
        "resources": {
            "counties": reverse("api-v1:county_list_api"),
            "municipalities": reverse("api-v1:municipality_list_api"),
            "organisations": reverse("api-v1:organisation_list_api"),
            "challenges": reverse("api-v1:challenge_list_api"),
            "recipes": reverse("api-v1:recipe_list_api"),
            "myths": reverse("api-v1:myth_list_api"),
            "cases": reverse("api-v1:case_list_api"),
            "funding": reverse("api-v1:funding_list_api"),
            "procurement_thresholds": reverse("api-v1:threshold_list_api"),
            "procurement_rules": reverse("api-v1:rule_list_api"),
            "procurement_routes": reverse("api-v1:route_list_api"),
            "search": reverse("api-v1:search_api"),
        },
    }
