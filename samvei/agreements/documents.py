"""A draft as a file: DOCX for the parties to edit, PDF to read and circulate.

The PDF is rendered from a Django template by WeasyPrint with the system's DejaVu Sans and a URL fetcher that
refuses every address, so rendering a draft never reaches the network or the file system."""

from __future__ import annotations

import io

from django.template.loader import render_to_string
from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from .drafting import (
    MILESTONE_COLUMNS,
    MILESTONES_HEADING,
    NO_MILESTONES,
    ORG_NUMBER_LABEL,
    SIGNATURE_LINES,
    SIGNATURES_HEADING,
    Draft,
)

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_CONTENT_TYPE = "application/pdf"
LANGUAGE_TAG = "nb-NO"


def _set_language(document: DocxDocument) -> None:
    """Mark the text as bokmål, so spelling checks and screen readers use Norwegian."""
    properties = document.styles["Normal"].element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), LANGUAGE_TAG)
    properties.append(language)


def _milestone_table(document: DocxDocument, draft: Draft) -> None:
    document.add_heading(MILESTONES_HEADING, level=1)
    if not draft.milestones:
        document.add_paragraph(NO_MILESTONES)
        return
    table = document.add_table(rows=1, cols=len(MILESTONE_COLUMNS))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, MILESTONE_COLUMNS, strict=True):
        cell.text = heading
        cell.paragraphs[0].runs[0].bold = True
    for row in draft.milestones:
        for cell, value in zip(table.add_row().cells, (row.title, row.due_on, row.owner, row.done_on), strict=True):
            cell.text = value


def _signature_block(document: DocxDocument, draft: Draft) -> None:
    document.add_heading(SIGNATURES_HEADING, level=1)
    table = document.add_table(rows=1 + len(SIGNATURE_LINES), cols=len(draft.parties))
    for column, party in enumerate(draft.parties):
        heading = table.cell(0, column).paragraphs[0].add_run(f"For {party.name}")
        heading.bold = True
        for row, label in enumerate(SIGNATURE_LINES, start=1):
            table.cell(row, column).text = f"{label}:\n\n______________________________"


def draft_docx(draft: Draft) -> bytes:
    document = Document()
    _set_language(document)
    properties = document.core_properties
    properties.title = draft.title
    properties.subject = draft.notice
    properties.language = LANGUAGE_TAG
    for section in document.sections:
        section.header.paragraphs[0].text = draft.notice
        section.footer.paragraphs[0].text = draft.provenance
    notice = document.add_paragraph().add_run(draft.notice)
    notice.bold = True
    notice.font.size = Pt(14)
    document.add_heading(draft.title, level=0)
    document.add_paragraph(draft.provenance)
    for party in draft.parties:
        document.add_paragraph(f"{party.role}: {party.name} ({ORG_NUMBER_LABEL} {party.org_number})")
    for number, clause in enumerate(draft.clauses, start=1):
        document.add_heading(f"{number}. {clause.heading}", level=1)
        for paragraph in clause.paragraphs:
            document.add_paragraph(paragraph)
    _milestone_table(document, draft)
    _signature_block(document, draft)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def draft_html(draft: Draft) -> str:
    return render_to_string(
        "agreements/draft_pdf.html",
        {
            "draft": draft,
            "milestone_columns": MILESTONE_COLUMNS,
            "milestones_heading": MILESTONES_HEADING,
            "no_milestones": NO_MILESTONES,
            "org_number_label": ORG_NUMBER_LABEL,
            "signature_lines": SIGNATURE_LINES,
            "signatures_heading": SIGNATURES_HEADING,
        },
    )
