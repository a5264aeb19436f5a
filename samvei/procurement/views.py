from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .forms import AdviceForm
from .selectors import newest_check, value_position


def thresholds_view(request: HttpRequest) -> HttpResponse:
    """Which thresholds a purchase reaches on a day: the question is a GET form, so an answer can be linked."""
    form = AdviceForm(request.GET or None)
    position = None
    if form.is_valid():
        data = form.cleaned_data
        position = value_position(
            value_nok=data["value"], buyer=form.threshold_buyer(), category=data["category"], day=data["date"]
        )
    return render(
        request,
        "procurement/thresholds.html",
        {"form": form, "position": position, "newest_check": newest_check()},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
