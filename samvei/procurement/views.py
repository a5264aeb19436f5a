from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .forms import AdviceForm
from .selectors import collaboration_forms, newest_check, rules_on, value_position


def _answer_status(form: AdviceForm) -> int:
    return 400 if form.is_bound and not form.is_valid() else 200


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
        status=_answer_status(form),
    )


def advisor_view(request: HttpRequest) -> HttpResponse:
    """The guided question: which parts of the law apply and which ways of working together are open. A link
    that carries only part of the question (a challenge knows its buyer, not its value) fills the form in
    instead of answering with errors."""
    asked = all(request.GET.get(name) for name in ("buyer", "category", "value", "date"))
    form = AdviceForm(request.GET) if asked else AdviceForm(initial=request.GET.dict())
    advice = form.advice() if form.is_valid() else None
    return render(
        request,
        "procurement/advisor.html",
        {"form": form, "advice": advice, "newest_check": newest_check()},
        status=_answer_status(form),
    )


def rules_view(request: HttpRequest) -> HttpResponse:
    return render(request, "procurement/rules.html", {"rules": rules_on(day=timezone.localdate())})


def forms_view(request: HttpRequest) -> HttpResponse:
    return render(request, "procurement/forms.html", {"routes": collaboration_forms(day=timezone.localdate())})
