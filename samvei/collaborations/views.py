from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from samvei.accounts.request import authenticated_user
from samvei.challenges import permissions as challenge_permissions
from samvei.challenges.selectors import pitch_get
from samvei.core.view_helpers import require, show_refusal, visible_or_404

from . import permissions, selectors, services
from .forms import (
    AdviceForm,
    CollaborationStartForm,
    DocumentForm,
    MilestoneForm,
    PlanForm,
    StageForm,
    initial_from_advisor,
)
from .models import Collaboration, Milestone


@login_required
def collaboration_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "collaborations/collaboration_list.html",
        {
            "collaborations": selectors.collaborations_for(user=authenticated_user(request)),
            "can_start": permissions.can_start_collaboration(user=request.user),
        },
    )


@login_required
def collaboration_new(request: HttpRequest) -> HttpResponse:
    """Start a record without a pitch, naming the other party; the advisor may hand over its question."""
    user = authenticated_user(request)
    require(permissions.can_start_collaboration(user=user))
    if request.method == "POST":
        form = CollaborationStartForm(request.POST, user=user)
        if form.is_valid():
            try:
                collaboration = services.collaboration_create(
                    actor=user,
                    organisation=form.cleaned_data["organisation"],
                    other=form.cleaned_data["partner"],
                    title=form.cleaned_data["title"],
                    form=form.cleaned_data["form"],
                    question=form.question(),
                )
            except ValidationError as error:
                show_refusal(form, error)
            else:
                messages.success(request, _("The collaboration has started."))
                return redirect(collaboration.get_absolute_url())
        return render(request, "collaborations/collaboration_new.html", {"form": form}, status=400)
    initial = initial_from_advisor(request.GET)
    form = CollaborationStartForm(user=user, initial=initial)
    if initial.get("form") and not selectors.collaboration_form_choices().filter(key=initial["form"]).exists():
        messages.warning(request, _("The advisor named a collaboration form we do not know; choose one below."))
    return render(request, "collaborations/collaboration_new.html", {"form": form})


def _visible(request: HttpRequest, pk: int) -> Collaboration:
    return visible_or_404(
        selectors.collaboration_get(pk=pk),
        visible=lambda found: permissions.can_view_collaboration(user=request.user, collaboration=found),
        message=_("There is no such collaboration."),
    )


def _workable(request: HttpRequest, pk: int) -> Collaboration:
    """Hidden from strangers (404); staff who are no party see it but may not change it (403)."""
    collaboration = _visible(request, pk)
    require(permissions.can_work_on_collaboration(user=request.user, collaboration=collaboration))
    return collaboration


def _detail(
    request: HttpRequest, collaboration: Collaboration, *, status: int = 200, **bound: BaseForm
) -> HttpResponse:
    shows_record = permissions.can_see_record(user=request.user, collaboration=collaboration)
    heading = (
        collaboration.title
        if shows_record
        else _("Collaboration between %(public_body)s and %(partner)s")
        % {"public_body": collaboration.public_body.name, "partner": collaboration.partner.name}
    )
    context: dict[str, Any] = {
        "collaboration": collaboration,
        "heading": heading,
        "shows_pitch": shows_record,
        "shows_record": shows_record,
    }
    if shows_record:
        due = selectors.continue_notice_due(collaboration=collaboration, today=timezone.localdate())
        context |= {
            "events": selectors.collaboration_events(collaboration=collaboration),
            "milestones": selectors.collaboration_milestones(collaboration=collaboration),
            "documents": selectors.collaboration_documents(collaboration=collaboration),
            "continue_due": due,
            "continue_routes": services.continue_routes(collaboration=collaboration) if due else None,
            "stage_form": bound.get("stage_form") or StageForm(initial={"stage": collaboration.stage}),
            "plan_form": bound.get("plan_form")
            or PlanForm(
                initial={
                    "form": collaboration.form.key if collaboration.form else None,
                    "pilot_ends_on": collaboration.pilot_ends_on,
                }
            ),
            "advice_form": bound.get("advice_form") or AdviceForm(initial=_advice_initial(collaboration)),
            "milestone_form": bound.get("milestone_form") or MilestoneForm(collaboration=collaboration),
            "document_form": bound.get("document_form") or DocumentForm(),
        }
    return render(request, "collaborations/collaboration_detail.html", context, status=status)


def _advice_initial(collaboration: Collaboration) -> dict[str, Any]:
    advice = collaboration.advice or {}
    return {
        "buyer": advice.get("buyer") or services.buyer_of(collaboration.public_body),
        "category": collaboration.category or None,
        "value": collaboration.expected_value_nok,
        "date": collaboration.advice_date or collaboration.pilot_ends_on or timezone.localdate(),
        "supplier": advice.get("supplier") or "",
        "innovation": bool(advice.get("innovation")),
    }


@login_required
def collaboration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _visible(request, pk))


def _refused_or_done(
    request: HttpRequest, collaboration: Collaboration, name: str, form: BaseForm, action: Any, success: str
) -> HttpResponse:
    """Run one service for a valid form: success goes back to the page; bad input shows the page again with the
    form's errors (400) and changes nothing."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            messages.success(request, success)
            return redirect(collaboration.get_absolute_url())
    return _detail(request, collaboration, status=400, **{name: form})


@login_required
@require_POST
def collaboration_stage(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, user = _workable(request, pk), authenticated_user(request)
    return _refused_or_done(
        request,
        collaboration,
        "stage_form",
        StageForm(request.POST),
        lambda data: services.collaboration_stage_set(collaboration=collaboration, stage=data["stage"], actor=user),
        _("The stage is changed."),
    )


@login_required
@require_POST
def collaboration_plan(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, user = _workable(request, pk), authenticated_user(request)
    return _refused_or_done(
        request,
        collaboration,
        "plan_form",
        PlanForm(request.POST),
        lambda data: services.collaboration_plan_set(
            collaboration=collaboration, actor=user, form=data["form"], pilot_ends_on=data["pilot_ends_on"]
        ),
        _("The plan is saved."),
    )


@login_required
@require_POST
def collaboration_advice(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, user = _workable(request, pk), authenticated_user(request)
    form = AdviceForm(request.POST)
    return _refused_or_done(
        request,
        collaboration,
        "advice_form",
        form,
        lambda data: services.collaboration_advice_record(
            collaboration=collaboration, actor=user, question=form.complete_question()
        ),
        _("The advice is recorded."),
    )


@login_required
@require_POST
def milestone_add(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, user = _workable(request, pk), authenticated_user(request)
    return _refused_or_done(
        request,
        collaboration,
        "milestone_form",
        MilestoneForm(request.POST, collaboration=collaboration),
        lambda data: services.milestone_add(collaboration=collaboration, actor=user, **data),
        _("The milestone is added."),
    )


@login_required
@require_POST
def milestone_done(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    collaboration, user = _workable(request, pk), authenticated_user(request)
    milestone = get_object_or_404(Milestone, pk=milestone_pk, collaboration=collaboration)
    try:
        services.milestone_mark_done(milestone=milestone, actor=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The milestone is marked done."))
    return redirect(collaboration.get_absolute_url())


@login_required
@require_POST
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration, user = _workable(request, pk), authenticated_user(request)
    return _refused_or_done(
        request,
        collaboration,
        "document_form",
        DocumentForm(request.POST, request.FILES),
        lambda data: services.documents_add(collaboration=collaboration, actor=user, uploads=data["attachments"]),
        _("The documents are added."),
    )


@login_required
@require_GET
def document_download(request: HttpRequest, token: str) -> FileResponse:
    """Only the parties download; for anyone else, staff included, the file does not exist."""
    document = selectors.document_get(token=token)
    if document is None or not permissions.can_see_record(user=request.user, collaboration=document.collaboration):
        raise Http404(_("There is no such file."))
    response = FileResponse(document.file.open("rb"), as_attachment=True, filename=document.original_name)
    response["Content-Type"] = document.content_type
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


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
        collaboration = services.collaboration_start(pitch=pitch, actor=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(pitch.get_absolute_url())
    messages.success(request, _("The pitch is selected and the collaboration has started."))
    return redirect(collaboration.get_absolute_url())
