from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from samvei.accounts.request import authenticated_user
from samvei.collaborations.models import Collaboration
from samvei.core.view_helpers import visible_or_404

from . import permissions
from .drafting import NoTemplateInForce
from .models import AgreementDraftEvent
from .selectors import agreement_template_for, collaboration_for_drafting, draft_events_for
from .services import PdfUnavailable, agreement_draft_generate


def _collaboration(request: HttpRequest, pk: int) -> Collaboration:
    """Only the parties: anyone else, staff included, sees the same 404 as for a missing collaboration."""
    return visible_or_404(
        collaboration_for_drafting(pk=pk),
        visible=lambda found: permissions.can_draft_agreement(user=request.user, collaboration=found),
        message=_("There is no such collaboration."),
    )


@login_required
@require_GET
def draft_page(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = _collaboration(request, pk)
    return render(
        request,
        "agreements/draft_page.html",
        {
            "collaboration": collaboration,
            "template": agreement_template_for(collaboration=collaboration, day=timezone.localdate()),
            "events": draft_events_for(collaboration=collaboration),
        },
    )


def _download(request: HttpRequest, pk: int, format: str) -> HttpResponse:
    collaboration = _collaboration(request, pk)
    try:
        file = agreement_draft_generate(
            collaboration=collaboration, format=format, actor=authenticated_user(request), day=timezone.localdate()
        )
    except NoTemplateInForce:
        raise Http404(_("No agreement template is in force today. Ask the Samvei team to add one.")) from None
    except PdfUnavailable:
        messages.error(
            request, _("This server cannot make PDF files at the moment. Download the draft as a Word document.")
        )
        return redirect("agreements:draft", pk=collaboration.pk)
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def draft_docx_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, AgreementDraftEvent.Format.DOCX)


@login_required
@require_GET
def draft_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, AgreementDraftEvent.Format.PDF)
