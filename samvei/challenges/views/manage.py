"""Pages for members of the public body that owns a challenge."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samvei.accounts.request import authenticated_user
from samvei.core.view_helpers import require, show_refusal
from samvei.organisations.models import Organisation
from samvei.organisations.selectors import public_bodies_of, recognised_public_bodies

from .. import permissions
from ..forms import AnswerForm, ChallengeForm, TransitionForm
from ..models import Challenge, Question
from ..services import (
    challenge_create,
    challenge_transition,
    challenge_update,
    question_answer,
)
from .public import challenge_or_404


def _owner_for(request: HttpRequest) -> Organisation | None:
    """The public body the user writes for: chosen with ?organisation=<slug>, or their only one."""
    user = authenticated_user(request)
    slug = request.GET.get("organisation") or request.POST.get("organisation")
    public_bodies = recognised_public_bodies()
    if slug:
        owner = public_bodies.filter(slug=slug).first()
    else:
        mine = list(public_bodies_of(user=user)[:2])
        owner = mine[0] if len(mine) == 1 else None
    require(owner is None or permissions.can_create_challenge(user=user, organisation=owner))
    return owner


def _challenge_form_page(
    request: HttpRequest,
    *,
    form: ChallengeForm,
    save: Callable[[dict[str, Any], list[UploadedFile]], Challenge],
    saved: str,
    context: dict[str, object],
) -> HttpResponse:
    """The form page shared by creating and editing: on a valid POST, `save` stores the challenge and the
    visitor goes to it with the `saved` message; a refusal is shown on the form."""
    if request.method == "POST" and form.is_valid():
        data = {key: value for key, value in form.cleaned_data.items() if key != "attachments"}
        try:
            challenge = save(data, form.cleaned_data["attachments"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, saved)
            return redirect(challenge.get_absolute_url())
    return render(
        request, "challenges/challenge_form.html", {"form": form, **context}, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def challenge_create_view(request: HttpRequest) -> HttpResponse:
    owner = _owner_for(request)
    user = authenticated_user(request)
    if owner is None:
        bodies = list(public_bodies_of(user=user))
        require(bool(bodies))
        return render(request, "challenges/choose_owner.html", {"bodies": bodies})
    return _challenge_form_page(
        request,
        form=ChallengeForm(request.POST or None, request.FILES or None, owner=owner),
        save=lambda data, uploads: challenge_create(owner=owner, actor=user, data=data, uploads=uploads),
        saved=_("The challenge is saved as a draft. Publish it when it is ready."),
        context={"owner": owner},
    )


@login_required
@require_http_methods(["GET", "POST"])
def challenge_edit(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = challenge_or_404(request, pk)
    user = authenticated_user(request)
    require(permissions.can_manage_challenge(user=user, challenge=challenge))
    # The form edits a copy, so the service still sees the stored deadline to compare against.
    form = ChallengeForm(
        request.POST or None,
        request.FILES or None,
        instance=Challenge.objects.get(pk=challenge.pk),
        owner=challenge.owner,
    )
    return _challenge_form_page(
        request,
        form=form,
        save=lambda data, uploads: challenge_update(challenge=challenge, actor=user, data=data, uploads=uploads),
        saved=_("The challenge is saved."),
        context={"owner": challenge.owner, "challenge": challenge},
    )


@login_required
@require_POST
def challenge_transition_view(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = challenge_or_404(request, pk)
    user = authenticated_user(request)
    require(permissions.can_manage_challenge(user=user, challenge=challenge))
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose what should happen with the challenge."))
        return redirect(challenge.get_absolute_url())
    try:
        challenge_transition(challenge=challenge, actor=user, to_status=form.cleaned_data["to_status"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The challenge is now «%(status)s».") % {"status": challenge.get_status_display()})
    return redirect(challenge.get_absolute_url())


@login_required
@require_POST
def question_answer_view(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_object_or_404(Question.objects.select_related("challenge"), pk=pk)
    user = authenticated_user(request)
    require(permissions.can_manage_challenge(user=user, challenge=question.challenge))
    form = AnswerForm(request.POST)
    if form.is_valid():
        question_answer(question=question, actor=user, answer=form.cleaned_data["answer"])
        messages.success(request, _("The answer is published."))
    else:
        messages.error(request, _("Write an answer."))
    return redirect(question.challenge.get_absolute_url() + "#questions")
