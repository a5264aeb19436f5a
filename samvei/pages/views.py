from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samvei.organisations.forms import WhoDecidesForm

from .selectors import directory_figures


def front(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/front.html", {"figures": directory_figures(), "who_decides_form": WhoDecidesForm()})


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/privacy.html")
