from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _

from .attachments import MAX_REQUEST_BYTES

API_PREFIX = "/api/"
FORM_CONTENT_TYPES = {"application/x-www-form-urlencoded", "multipart/form-data"}


class ApiLanguageMiddleware:
    """API addresses carry no language prefix, so pages would always answer in bokmål. API clients instead
    choose with Accept-Language; messages default to bokmål when they state no preference we support."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class RefuseNulCharactersMiddleware:
    """PostgreSQL cannot store or even compare text holding a NUL character, so one `%00` in a query string or
    form would surface as a server error deep in some query. It is refused here, once, for every page and
    endpoint: a 400 with a message, nothing changed."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _holds_nul(request):
            message = _("The address or the form holds a character that is not allowed (NUL). Remove it and try again.")
            if request.path_info.startswith(API_PREFIX):
                return JsonResponse({"detail": message}, status=400)
            return render(request, "400.html", {"message": message}, status=400)
        return self.get_response(request)


def _holds_nul(request: HttpRequest) -> bool:
    if "\x00" in request.path_info:
        return True
    fields = [request.GET]
    if request.method == "POST" and request.content_type in FORM_CONTENT_TYPES:
        fields.append(request.POST)
    return any(
        "\x00" in key or any("\x00" in value for value in values) for data in fields for key, values in data.lists()
    )


class RefuseOversizedRequestsMiddleware:
    """Django spools uploaded files to disk before any form sees them, so a 180 MB POST cost disk and time
    before its files were refused. A body larger than the most one submission may hold is refused unread."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_REQUEST_BYTES:
            message = _("What you sent is larger than %(limit)s. Send fewer or smaller files.") % {
                "limit": filesizeformat(MAX_REQUEST_BYTES)
            }
            if request.path_info.startswith(API_PREFIX):
                return JsonResponse({"detail": message}, status=413)
            return render(request, "400.html", {"message": message}, status=413)
        return self.get_response(request)
