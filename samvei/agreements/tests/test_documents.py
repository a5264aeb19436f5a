import datetime
import io
import re

import pytest
from docx import Document

from samvei.agreements.documents import draft_docx, draft_html
from samvei.agreements.drafting import agreement_draft
from samvei.agreements.pdf import FetchRefused, RefusingFetcher, draft_pdf

from .pdf_text import pdf_text

DAY = datetime.date(2027, 1, 15)


@pytest.fixture
def draft(collaboration, milestone):
    return agreement_draft(collaboration=collaboration, day=DAY)


def _docx_text(content):
    document = Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([paragraph.text for paragraph in document.paragraphs] + cells)


def test_the_docx_opens_and_names_both_parties(draft):
    text = _docx_text(draft_docx(draft))

    assert "Stavanger kommune" in text
    assert "Besøksvennene AS" in text


def test_the_docx_is_marked_as_a_draft_in_its_header_and_body(draft):
    document = Document(io.BytesIO(draft_docx(draft)))

    assert document.paragraphs[0].text == "UTKAST – ikke juridisk rådgivning"
    assert document.sections[0].header.paragraphs[0].text == "UTKAST – ikke juridisk rådgivning"


def test_the_docx_states_its_template_version_and_source(draft):
    text = _docx_text(draft_docx(draft))

    assert "versjon 1" in text
    assert "Veier til samarbeid" in text


def test_the_docx_has_a_milestone_table(draft):
    document = Document(io.BytesIO(draft_docx(draft)))
    rows = [[cell.text for cell in row.cells] for row in document.tables[0].rows]

    assert rows == [
        ["Milepæl", "Frist", "Ansvarlig", "Fullført"],
        ["Første besøk", "1. februar 2027", "Besøksvennene AS", ""],
    ]


def test_the_docx_has_a_signature_block_for_each_party(draft):
    signatures = Document(io.BytesIO(draft_docx(draft))).tables[-1]

    assert [cell.text for cell in signatures.rows[0].cells] == ["For Stavanger kommune", "For Besøksvennene AS"]


def test_the_docx_is_marked_as_bokmal(draft):
    document = Document(io.BytesIO(draft_docx(draft)))

    assert document.core_properties.language == "nb-NO"


def test_the_pdf_is_a_pdf(draft):
    assert draft_pdf(draft).startswith(b"%PDF-")


def test_the_pdf_shows_both_parties_and_the_draft_mark(draft, uncompressed_pdf):
    text = re.sub(r"\s+", " ", pdf_text(draft_pdf(draft)))

    assert "Stavanger kommune" in text
    assert "Besøksvennene AS" in text
    assert "UTKAST – ikke juridisk rådgivning" in text


def test_the_pdf_is_set_in_dejavu_sans_from_the_system(draft, uncompressed_pdf):
    assert b"DejaVu-Sans" in draft_pdf(draft)


def test_the_pdf_is_a4_and_bokmal(draft, uncompressed_pdf):
    pdf = draft_pdf(draft)

    assert b"/MediaBox [0 0 595.275591 841.889764]" in pdf
    assert b"/Lang (nb)" in pdf


def test_the_pdf_html_has_no_address_to_fetch(draft):
    html = draft_html(draft)

    assert not re.search(r"""(src|href)=|url\(|@import""", html)


def test_the_url_fetcher_refuses_everything():
    with pytest.raises(FetchRefused):
        RefusingFetcher()("https://example.org/font.woff2")


def test_a_remote_image_in_the_html_is_never_fetched(draft, monkeypatch):
    """Even if a template edit brought in an address, rendering asks the refusing fetcher and goes on."""
    asked = []

    refuse = RefusingFetcher.fetch

    def spy(self, url, headers=None):
        asked.append(url)
        return refuse(self, url, headers)

    monkeypatch.setattr(RefusingFetcher, "fetch", spy)
    monkeypatch.setattr(
        "samvei.agreements.pdf.draft_html", lambda draft: '<img src="https://example.org/x.png" alt="">'
    )

    assert draft_pdf(draft).startswith(b"%PDF-")
    assert asked == ["https://example.org/x.png"]
