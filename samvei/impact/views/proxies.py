"""The public library of Norwegian financial proxies: reference data anyone may read, like the cookbook."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from samvei.collaborations.models import Collaboration

from ..selectors.proxies import newest_index, price_series, proxy_rows


@require_safe
def proxy_library(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "impact/proxies/library.html",
        {"rows": proxy_rows(), "series": price_series(), "newest": newest_index()},
    )


urlpatterns: list[URLPattern] = [
    path(_("costs/"), proxy_library, name="proxies"),
]


def section(*, request: HttpRequest, collaboration: Collaboration) -> dict[str, Any]:
    """The overview page does not show the proxies: they are a public library, not a collaboration's data."""
    return {}
