"""Generating a draft file: the draft, its bytes, and the event row that records who made it from which
template version."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from samvei.accounts.models import User
from samvei.collaborations.models import Collaboration
from samvei.core.text import norwegian_slugify

from .documents import DOCX_CONTENT_TYPE, PDF_CONTENT_TYPE, draft_docx
from .drafting import Draft, agreement_draft
from .models import AgreementDraftEvent

FILENAME_LENGTH = 80


class PdfUnavailable(RuntimeError):
    """The system lacks the libraries WeasyPrint draws with (Pango); the DOCX still works."""


def _draft_pdf(draft: Draft) -> bytes:
    try:
        from .pdf import draft_pdf  # loads WeasyPrint and the system's Pango only when a PDF is asked for
    except OSError as missing:
        raise PdfUnavailable(str(missing)) from missing
    return draft_pdf(draft)


@dataclass(frozen=True)
class DraftFile:
    content: bytes
    filename: str
    content_type: str


def draft_filename(draft: Draft, *, extension: str) -> str:
    """ASCII only, so every browser and mail client keeps it: «utkast-pilotavtale-besoksvenner.pdf»."""
    slug = norwegian_slugify(f"utkast {draft.title}")[:FILENAME_LENGTH].strip("-") or "utkast"
    return f"{slug}.{extension}"


@transaction.atomic
def agreement_draft_event_record(
    *, collaboration: Collaboration, draft: Draft, format: str, actor: User | None
) -> AgreementDraftEvent:
    event = AgreementDraftEvent(
        collaboration=collaboration,
        template=draft.template,
        template_key=draft.template.key,
        version=draft.template.version,
        format=format,
        actor=actor,
    )
    event.full_clean()
    event.save()
    return event


def agreement_draft_generate(*, collaboration: Collaboration, format: str, actor: User | None, day: date) -> DraftFile:
    """Raises drafting.NoTemplateInForce when no template applies on `day`, PdfUnavailable when this machine
    cannot draw a PDF, and ValueError for an unknown format; writes nothing then."""
    if format not in AgreementDraftEvent.Format.values:
        raise ValueError(f"Unknown draft format: {format[:20]}")
    draft = agreement_draft(collaboration=collaboration, day=day)
    if format == AgreementDraftEvent.Format.DOCX:
        content, content_type = draft_docx(draft), DOCX_CONTENT_TYPE
    else:
        content, content_type = _draft_pdf(draft), PDF_CONTENT_TYPE
    agreement_draft_event_record(collaboration=collaboration, draft=draft, format=format, actor=actor)
    return DraftFile(content=content, filename=draft_filename(draft, extension=format), content_type=content_type)
