"""The effect report: the parties' page and PDF, the private links they make and revoke, and the shared page
and PDF a link opens for a reader without an account."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from samvei.accounts.request import authenticated_user
from samvei.collaborations.models import Collaboration
from samvei.core.view_helpers import require, show_refusal

from .. import permissions
from ..forms.report import ReportLinkForm
from ..models import ReportLink
from ..selectors.report import active_report_links_for, report_for, report_links_for, shared_report_link
from ..services.report import (
    PdfUnavailable,
    report_filename,
    report_link_create,
    report_link_opened,
    report_link_revoke,
    report_pdf,
)
from .common import collaboration_for

PRIVATE = "private, no-store"


def section(*, request: HttpRequest, collaboration: Collaboration) -> dict[str, Any]:
    """What the overview page's report part needs: the active links and the form to make one."""
    can_manage = permissions.can_manage_report_links(user=request.user, collaboration=collaboration)
    return {
        "active_report_links": active_report_links_for(collaboration=collaboration),
        "can_manage_report_links": can_manage,
        "report_link_form": ReportLinkForm() if can_manage else None,
    }


def _page(
    request: HttpRequest, collaboration: Collaboration, *, form: ReportLinkForm | None = None, status: int = 200
) -> HttpResponse:
    can_manage = permissions.can_manage_report_links(user=request.user, collaboration=collaboration)
    context = {
        "report": report_for(collaboration=collaboration, day=timezone.localdate()),
        "report_links": report_links_for(collaboration=collaboration),
        "can_manage_report_links": can_manage,
        "report_link_form": (form or ReportLinkForm()) if can_manage else None,
    }
    return render(request, "impact/report/page.html", context, status=status)


def _pdf_response(collaboration: Collaboration) -> HttpResponse:
    """Raises PdfUnavailable; the caller says so and sends the reader back."""
    content = report_pdf(report=report_for(collaboration=collaboration, day=timezone.localdate()))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report_filename(collaboration=collaboration)}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = PRIVATE
    return response


def _no_pdf(request: HttpRequest) -> None:
    messages.error(request, _("This server cannot make PDF files at the moment. Read the report on the page."))


@login_required
@require_GET
def report_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, collaboration_for(request, pk))


@login_required
@require_GET
def report_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk)
    try:
        return _pdf_response(collaboration)
    except PdfUnavailable:
        _no_pdf(request)
        return redirect("impact:report", pk=collaboration.pk)


@login_required
@require_POST
def report_link_create_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The new link is shown in the answer to the POST itself, never stored or redirected: the session lives in
    the database, and the raw token must be nowhere but in this one response, which no cache keeps."""
    collaboration = collaboration_for(request, pk)
    user = authenticated_user(request)
    require(permissions.can_manage_report_links(user=user, collaboration=collaboration))
    form = ReportLinkForm(request.POST)
    if form.is_valid():
        try:
            created = report_link_create(collaboration=collaboration, label=form.cleaned_data["label"], actor=user)
        except ValidationError as error:
            show_refusal(form, error)
        else:
            url = request.build_absolute_uri(reverse("impact:shared", kwargs={"token": created.token}))
            response = render(
                request,
                "impact/report/link_created.html",
                {"collaboration": collaboration, "link": created.link, "url": url},
            )
            response["Cache-Control"] = PRIVATE
            response["Referrer-Policy"] = "no-referrer"
            return response
    return _page(request, collaboration, form=form, status=400)


@login_required
@require_POST
def report_link_revoke_view(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    collaboration = collaboration_for(request, pk)
    user = authenticated_user(request)
    require(permissions.can_manage_report_links(user=user, collaboration=collaboration))
    link = get_object_or_404(ReportLink.objects.filter(collaboration=collaboration), pk=link_pk)
    link.collaboration = collaboration
    if report_link_revoke(link=link, actor=user):
        messages.success(
            request, _("The link for «%(label)s» is revoked. It no longer opens the report.") % {"label": link.label}
        )
    else:
        messages.info(request, _("The link for «%(label)s» was already revoked.") % {"label": link.label})
    return redirect("impact:report", pk=collaboration.pk)


def _shared_link(token: str) -> ReportLink:
    """The same 404 as for any unknown address: nothing says the link once existed."""
    link = shared_report_link(token=token)
    if link is None:
        raise Http404
    report_link_opened(link=link)
    return link


def _shared_headers(response: HttpResponse) -> HttpResponse:
    """The address is the key: no Referer carries it on, no cache keeps the page, no search engine lists it."""
    response["Cache-Control"] = PRIVATE
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def shared_view(request: HttpRequest, token: str) -> HttpResponse:
    link = _shared_link(token)
    report = report_for(collaboration=link.collaboration, day=timezone.localdate())
    return _shared_headers(render(request, "impact/report/shared.html", {"report": report, "token": token}))


@require_GET
def shared_pdf_view(request: HttpRequest, token: str) -> HttpResponse:
    link = _shared_link(token)
    try:
        return _shared_headers(_pdf_response(link.collaboration))
    except PdfUnavailable:
        _no_pdf(request)
        return _shared_headers(redirect("impact:shared", token=token))


urlpatterns: list[URLPattern] = [
    path(gettext_lazy("<int:pk>/report/"), report_page, name="report"),
    path(gettext_lazy("<int:pk>/report/pdf/"), report_pdf_view, name="report-pdf"),
    path(gettext_lazy("<int:pk>/report/links/"), report_link_create_view, name="report-link-create"),
    path(
        gettext_lazy("<int:pk>/report/links/<int:link_pk>/revoke/"),
        report_link_revoke_view,
        name="report-link-revoke",
    ),
    path(gettext_lazy("shared/<str:token>/"), shared_view, name="shared"),
    path(gettext_lazy("shared/<str:token>/pdf/"), shared_pdf_view, name="shared-pdf"),
]
