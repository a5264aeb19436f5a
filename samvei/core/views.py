from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults, i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .api_errors import (
    bad_request_detail,
    forbidden_detail,
    not_found_detail,
    server_error_detail,
    unavailable_detail,
)
from .health import RETRY_AFTER_SECONDS, database_is_reachable, is_database_outage
from .middleware import API_PREFIX


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    if database_is_reachable():
        return JsonResponse({"status": "ok", "database": "ok"})
    return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """Django's view translates `next` by resolving it in the language active at /i18n/setlang/ (bokmål, as the
    path has no prefix), so an English page never resolved and «Norsk» left the visitor on /en/. Resolve it in
    the language its own prefix names instead; the query string and fragment are kept."""
    next_path = request.POST.get("next", request.GET.get("next", ""))
    language = translation.get_language_from_path(next_path) or translation.get_language()
    with translation.override(language):
        return i18n.set_language(request)


@csrf_exempt  # a POST to an unknown address is a 404 like any other, not a CSRF page
def api_not_found(request: HttpRequest, unknown: str = "") -> JsonResponse:
    """Every address under /api/ that no operation answers: JSON, like the rest of the API, in DEBUG too."""
    return JsonResponse({"detail": not_found_detail()}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    """Django's handler for an error no view caught (config/urls.py). While the database does not answer, the
    visitor gets a 503 with Retry-After instead of the 500 page; the API answers JSON either way. Nothing here
    touches the database: the 503 page is rendered without the request, so no context processor runs."""
    outage = is_database_outage(sys.exc_info()[1])
    if request.path_info.startswith(API_PREFIX):
        if outage:
            response: HttpResponse = JsonResponse({"detail": unavailable_detail()}, status=503)
        else:
            response = JsonResponse({"detail": server_error_detail()}, status=500)
    elif outage:
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    else:
        return defaults.server_error(request)
    if outage:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's handler for a request it refuses before any view (a bad Host header, too many fields)."""
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": bad_request_detail()}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if request.path_info.startswith(API_PREFIX):
        return JsonResponse({"detail": forbidden_detail()}, status=403)
    return defaults.permission_denied(request, exception)
