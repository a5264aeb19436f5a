"""The effect report as a PDF, drawn by WeasyPrint with the DejaVu fonts from the system's packages. WeasyPrint
needs Pango from the system; this module is imported only when a PDF is asked for, so that a machine without it
still serves every page."""

from __future__ import annotations

import weasyprint
from django.conf import settings

from samvei.agreements.pdf import RefusingFetcher


def html_pdf(html: str) -> bytes:
    """The HTML carries its style sheet and its charts, so nothing is fetched. `IMPACT_PDF_UNCOMPRESSED` leaves
    the streams readable, for tests."""
    document = weasyprint.HTML(string=html, url_fetcher=RefusingFetcher(), base_url=None)
    pdf = document.write_pdf(uncompressed_pdf=bool(getattr(settings, "IMPACT_PDF_UNCOMPRESSED", False)))
    if pdf is None:  # only when given a target to write to
        raise RuntimeError("WeasyPrint wrote no PDF")
    return bytes(pdf)
