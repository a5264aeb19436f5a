from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samvei.accounts.request import authenticated_user
from samvei.challenges import permissions as challenge_permissions
from samvei.challenges.selectors import pitch_get
from samvei.core.view_helpers import visible_or_404

from . import permissions
from .models import Collaboration
from .selectors import collaborations_for
from .services import collaboration_start


@login_required
def collaboration_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "collaborations/collaboration_list.html",
        {"collaborations": collaborations_for(user=authenticated_user(request))},
    )


@login_required
def collaboration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = visible_or_404(
        Collaboration.objects.select_related("public_body", "partner", "pitch", "challenge").filter(pk=pk).first(),
        visible=lambda found: permissions.can_view_collaboration(user=request.user, collaboration=found),
        message=_("There is no such collaboration."),
    )
    shows_pitch = permissions.can_see_pitch_of_collaboration(user=request.user, collaboration=collaboration)
    heading = (
        collaboration.title
        if shows_pitch
        else _("Collaboration between %(public_body)s and %(partner)s")
        % {"public_body": collaboration.public_body.name, "partner": collaboration.partner.name}
    )
    return render(
        request,
        "collaborations/collaboration_detail.html",
        {
            "collaboration": collaboration,
            "heading": heading,
            "shows_pitch": shows_pitch,
            "events": collaboration.events.select_related("actor"),
        },
    )


@login_required
@require_POST
def collaboration_start_view(request: HttpRequest, pitch_id: int) -> HttpResponse:
    """The receiving public body selects a pitch."""
    pitch = visible_or_404(
        pitch_get(pk=pitch_id),
        visible=lambda found: challenge_permissions.can_view_pitch(user=request.user, pitch=found),
        message=_("There is no such pitch."),
    )
    user = authenticated_user(request)
    if not challenge_permissions.can_decide_pitch(user=user, pitch=pitch):
        messages.error(request, _("Only the receiving public body can select a pitch."))
        return redirect(pitch.get_absolute_url())
    try:
        collaboration = collaboration_start(pitch=pitch, actor=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(pitch.get_absolute_url())
    messages.success(request, _("The pitch is selected and the collaboration has started."))
    return redirect(collaboration.get_absolute_url())
