"""The open API: one NinjaAPI that mounts each app's router, with translated error messages."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from samvei.challenges.api import router as challenges_router
from samvei.cookbook.api import router as cookbook_router
from samvei.core.api_errors import validation_error_detail
from samvei.geography.api import router as geography_router
from samvei.matching.api import router as matching_router
from samvei.organisations.api import router as organisations_router
from samvei.search.api import router as search_router

api = NinjaAPI(
    title="Samvei API",
    version="1",
    description="Open data from Samvei: municipalities, counties and, as they arrive, organisations, challenges "
    'and the cookbook. Lists are paginated with `limit` and `offset` and answer `{"count", "items"}`.',
    urls_namespace="api-v1",
)
api.add_router("/", geography_router)
api.add_router("/", organisations_router)
api.add_router("/", challenges_router)
api.add_router("/", cookbook_router)
api.add_router("/", search_router)
api.add_router("/", matching_router)


@api.exception_handler(ValidationError)
def validation_failed(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    return api.create_response(request, {"detail": validation_error_detail(exc.errors)}, status=422)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(request, {"detail": _("Sign in to see this.")}, status=401)


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


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
            "search": reverse("api-v1:search_api"),
        },
    }
