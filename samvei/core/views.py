from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.views import i18n
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .health import database_is_reachable


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
