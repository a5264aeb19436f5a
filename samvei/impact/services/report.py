"""Private links to the effect report, and the report as a PDF.

A link's token is shown once and only its SHA-256 hash is kept, so a copy of the database opens no report;
either party can revoke a link, and a revoked link stays listed so the parties see who had access."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.collaborations.models import Collaboration
from samvei.collaborations.services import collaboration_event_record
from samvei.core.text import norwegian_slugify
from samvei.organisations.models import Membership, Organisation

from ..models import ReportLink
from ..selectors.report import Report, token_hash

MAX_ACTIVE_LINKS = 20
FILENAME_LENGTH = 80


class PdfUnavailable(RuntimeError):
    """The system lacks the libraries WeasyPrint draws with (Pango); the report page still works."""


@dataclass(frozen=True)
class NewReportLink:
    """The link just made and its token: the only time the token exists outside the visitor's browser."""

    link: ReportLink
    token: str


def _party_of(collaboration: Collaboration, actor: User) -> Organisation | None:
    """The party the actor acts for, the public body first when they act for both."""
    ids = set(Membership.objects.filter(user=actor).values_list("organisation_id", flat=True))
    return next((party for party in (collaboration.public_body, collaboration.partner) if party.pk in ids), None)


@transaction.atomic
def report_link_create(*, collaboration: Collaboration, label: str, actor: User) -> NewReportLink:
    """Raises ValidationError, writing nothing, when the collaboration already has MAX_ACTIVE_LINKS active
    links: a long list of open links is one nobody keeps track of."""
    Collaboration.objects.select_for_update().filter(pk=collaboration.pk).first()  # one creator at a time
    if collaboration.report_links.filter(revoked_at__isnull=True).count() >= MAX_ACTIVE_LINKS:
        raise ValidationError(
            _("This collaboration already has %(count)d active links. Revoke one you no longer need first.")
            % {"count": MAX_ACTIVE_LINKS},
            code="too_many_links",
        )
    token = secrets.token_urlsafe(32)
    link = ReportLink(
        collaboration=collaboration,
        token_hash=token_hash(token),
        label=label,
        created_by=actor,
        organisation=_party_of(collaboration, actor),
    )
    link.full_clean()
    link.save()
    collaboration_event_record(collaboration=collaboration, kind="report_link_created", actor=actor, name=label)
    return NewReportLink(link=link, token=token)


@transaction.atomic
def report_link_revoke(*, link: ReportLink, actor: User) -> bool:
    """False, changing nothing, when the link was already revoked (two parties may click at once)."""
    revoked = ReportLink.objects.filter(pk=link.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=actor
    )
    if revoked:
        collaboration_event_record(
            collaboration=link.collaboration, kind="report_link_revoked", actor=actor, name=link.label
        )
    return bool(revoked)


def report_link_opened(*, link: ReportLink) -> None:
    """The parties see when a link was last used; an update, not a save, so no other field is touched."""
    ReportLink.objects.filter(pk=link.pk).update(last_opened_at=timezone.now())


def report_filename(*, collaboration: Collaboration) -> str:
    """ASCII only, so every browser and mail client keeps it: «effektrapport-besoksvenn-pa-sykehjem.pdf»."""
    prefix = _("effect report")
    slug = norwegian_slugify(f"{prefix} {collaboration.title}")[:FILENAME_LENGTH].strip("-")
    return f"{slug or norwegian_slugify(prefix)}.pdf"


def report_pdf(*, report: Report) -> bytes:
    """Raises PdfUnavailable when this machine cannot draw a PDF."""
    try:
        from ..pdf import html_pdf  # loads WeasyPrint and the system's Pango only when a PDF is asked for
    except OSError as missing:
        raise PdfUnavailable(str(missing)) from missing
    return html_pdf(render_to_string("impact/report/pdf.html", {"report": report}))
