"""The PDF of a draft, drawn by WeasyPrint with the fonts installed from the system's packages. WeasyPrint needs
Pango from the system; this module is imported only when a PDF is asked for, so that a machine without it still
serves every page and the DOCX."""

from __future__ import annotations

from typing import Any, NoReturn

import weasyprint
from django.conf import settings
from weasyprint.urls import URLFetcher

from .documents import draft_html
from .drafting import Draft


class FetchRefused(ValueError):
    pass


class RefusingFetcher(URLFetcher):  # type: ignore[misc]
    """WeasyPrint's URL fetcher: the draft's HTML carries everything it needs, so nothing is fetched. A refused
    resource is left out with a warning and the draft still renders."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=(), allow_redirects=False, fail_on_errors=False)

    def fetch(self, url: str, headers: Any = None) -> NoReturn:
        raise FetchRefused(f"Draft rendering fetches nothing: {url[:80]}")


def draft_pdf(draft: Draft) -> bytes:
    """A4, lang="nb". `AGREEMENTS_PDF_UNCOMPRESSED` leaves the streams readable, for tests."""
    html = weasyprint.HTML(string=draft_html(draft), url_fetcher=RefusingFetcher(), base_url=None)
    pdf = html.write_pdf(uncompressed_pdf=bool(getattr(settings, "AGREEMENTS_PDF_UNCOMPRESSED", False)))
    if pdf is None:  # only when given a target to write to
        raise RuntimeError("WeasyPrint wrote no PDF")
    return bytes(pdf)
