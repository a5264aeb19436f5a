"""Pitches, unsolicited ideas and the conversation about them: only the two parties ever see these pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samvei.accounts.request import authenticated_user
from samvei.core.limits import SHORT_TEXT
from samvei.core.validation import parse_id
from samvei.core.view_helpers import require, show_refusal, visible_or_404
from samvei.organisations.models import ContactPoint
from samvei.organisations.selectors import recognised_public_bodies

from .. import permissions
from ..forms import MessageForm, PitchForm, PitchStatusForm, QuestionForm
from ..models import ChallengeAttachment, Pitch, PitchAttachment
from ..selectors import pitch_get, pitches_for, recipients_for, waiting_pitches
from ..services import message_send, pitch_set_status, pitch_submit, question_ask
from .public import challenge_or_404


def _pitch_form_page(
    request: HttpRequest, *, heading_context: dict[str, Any], submit: Callable[..., Pitch]
) -> HttpResponse:
    """The sender sees who will receive what they send before sending it, and is told plainly when nobody can."""
    user = authenticated_user(request)
    recipients = recipients_for(
        receiver=heading_context["receiver"], contact_point=heading_context.get("contact_point")
    )
    heading_context = {**heading_context, "recipients": recipients}
    form = PitchForm(request.POST or None, request.FILES or None, user=user)
    status = 400
    if not form.fields["sender"].queryset.exists():  # type: ignore[attr-defined]
        return render(request, "challenges/pitch_no_organisation.html", heading_context, status=403)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("sender", "attachments")}
        sender = form.cleaned_data["sender"]
        require(permissions.can_pitch(user=user, sender=sender))
        try:
            pitch = submit(sender=sender, actor=user, data=data, uploads=form.cleaned_data["attachments"])
        except ValidationError as error:
            show_refusal(form, error)
            status = 429 if error.code == "rate_limited" else 400
        else:
            if pitch.is_waiting:
                messages.warning(
                    request, _("Saved, not delivered: nobody can receive it yet. See below what happens now.")
                )
            else:
                messages.success(request, _("Sent. Only you and the receiving public body can see it."))
            return redirect(pitch.get_absolute_url())
    return render(
        request,
        "challenges/pitch_form.html",
        {"form": form, **heading_context},
        status=status if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pitch_create(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = challenge_or_404(request, pk)
    if not challenge.accepts_pitches or challenge.is_example:
        messages.error(
            request,
            _("This is an example challenge. It cannot receive pitches.")
            if challenge.is_example
            else _("This challenge is closed for pitches."),
        )
        return redirect(challenge.get_absolute_url())
    return _pitch_form_page(
        request,
        heading_context={"challenge": challenge, "receiver": challenge.owner, "contact_point": challenge.contact_point},
        submit=lambda **kwargs: pitch_submit(challenge=challenge, **kwargs),
    )


@login_required
@require_http_methods(["GET", "POST"])
def idea_create(request: HttpRequest, slug: str) -> HttpResponse:
    """«Hvem kan vi fortelle ideen vår til?»: an idea to a public body, or to one of its contact points."""
    receiver = get_object_or_404(recognised_public_bodies(), slug=slug)
    contact_point = None
    chosen = request.POST.get("contact_point") or request.GET.get("contact_point") or ""
    if chosen:
        contact_point = ContactPoint.objects.filter(organisation=receiver, pk=parse_id(chosen) or 0).first()
        if contact_point is None:
            raise Http404(_("There is no such contact point."))
    if contact_point is None:
        contact_point = ContactPoint.objects.filter(
            organisation=receiver, is_entry_contact=True, is_example=False
        ).first()
    return _pitch_form_page(
        request,
        heading_context={"receiver": receiver, "contact_point": contact_point},
        submit=lambda **kwargs: pitch_submit(receiver=receiver, contact_point=contact_point, **kwargs),
    )


@login_required
def pitch_inbox(request: HttpRequest) -> HttpResponse:
    user = authenticated_user(request)
    member_of = set(user.memberships.values_list("organisation_id", flat=True))
    pitches = list(pitches_for(user=user))
    return render(
        request,
        "challenges/pitch_inbox.html",
        {
            "received": [p for p in pitches if p.receiver_id in member_of],
            "sent": [p for p in pitches if p.sender_id in member_of],
        },
    )


@login_required
def waiting_pitch_list(request: HttpRequest) -> HttpResponse:
    """Staff see which public bodies have ideas waiting for them, to help them join; never what was written."""
    require(permissions.can_see_waiting_pitches(user=request.user))
    return render(request, "challenges/waiting_pitches.html", {"pitches": waiting_pitches()})


def pitch_or_404(request: HttpRequest, pk: int) -> Pitch:
    """Not even the existence of a pitch is shown to a third party."""
    return visible_or_404(
        pitch_get(pk=pk),
        visible=lambda pitch: permissions.can_view_pitch(user=request.user, pitch=pitch),
        message=_("There is no such pitch."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def pitch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pitch = pitch_or_404(request, pk)
    user = authenticated_user(request)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        party = permissions.party_for(user=user, pitch=pitch)
        assert party is not None  # noqa: S101 - pitch_or_404 guarantees the user is a party
        try:
            message_send(pitch=pitch, party=party, actor=user, body=form.cleaned_data["body"])
        except ValidationError as error:
            show_refusal(form, error)
        else:
            return redirect(pitch.get_absolute_url() + "#messages")
    can_decide = permissions.can_decide_pitch(user=user, pitch=pitch)
    return render(
        request,
        "challenges/pitch_detail.html",
        {
            "pitch": pitch,
            "form": form,
            "thread": pitch.messages.select_related("sender", "author"),
            "can_decide": can_decide and pitch.status not in Pitch.DECIDED,
            "is_receiver": can_decide,
            "status_form": PitchStatusForm(),
            "collaboration": getattr(pitch, "collaboration", None),
        },
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def pitch_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    pitch = pitch_or_404(request, pk)
    user = authenticated_user(request)
    require(permissions.can_decide_pitch(user=user, pitch=pitch))
    form = PitchStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose received, in dialogue or declined."))
        return redirect(pitch.get_absolute_url())
    try:
        pitch_set_status(
            pitch=pitch, actor=user, to_status=form.cleaned_data["to_status"], reason=form.cleaned_data["reason"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The pitch is marked «%(status)s».") % {"status": pitch.get_status_display()})
    return redirect(pitch.get_absolute_url())


@login_required
@require_POST
def question_ask_view(request: HttpRequest, pk: int) -> HttpResponse:
    challenge = challenge_or_404(request, pk)
    user = authenticated_user(request)
    form = QuestionForm(request.POST)
    if not permissions.can_ask_question(user=user, challenge=challenge):
        messages.error(request, _("This challenge no longer takes questions."))
    elif not form.is_valid():
        messages.error(request, _("Write your question (at most %(limit)d characters).") % {"limit": SHORT_TEXT})
    else:
        try:
            question_ask(challenge=challenge, user=user, text=form.cleaned_data["text"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you. The answer will be published here for everyone."))
    return redirect(challenge.get_absolute_url() + "#questions")


def _download(attachment: ChallengeAttachment | PitchAttachment) -> FileResponse:
    response = FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.original_name)
    response["Content-Type"] = attachment.content_type
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def challenge_attachment(request: HttpRequest, token: str) -> FileResponse:
    attachment = get_object_or_404(ChallengeAttachment.objects.select_related("challenge"), token=token)
    if not permissions.can_view_challenge(user=request.user, challenge=attachment.challenge):
        raise Http404(_("There is no such file."))
    return _download(attachment)


@login_required
def pitch_attachment(request: HttpRequest, token: str) -> FileResponse:
    attachment = get_object_or_404(PitchAttachment.objects.select_related("pitch"), token=token)
    if not permissions.can_view_pitch(user=request.user, pitch=attachment.pitch):
        raise Http404(_("There is no such file."))
    return _download(attachment)
