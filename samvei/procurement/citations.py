"""Law cited in content text by token, so a figure or paragraph is read from the dated rows and never typed in.

Editors write `[[terskel:KIND]]`, `[[terskel:KIND:BUYER:CATEGORY]]` or `[[regel:RULE_KEY]]`; `cite` turns each
token into a Markdown link before the text is rendered. A token that names nothing, or a row not in force on the
day, becomes a visible «not known» note: a wrong or guessed figure in legal advice is worse than none."""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.core.signals import request_finished, request_started
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Rule, Threshold
from .selectors import most_specific

TOKEN = re.compile(r"\[\[([^\[\]\n]{1,120})\]\]")
THRESHOLD_PREFIX = "terskel"
RULE_PREFIX = "regel"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~])")


def escape_markdown(text: str) -> str:
    """Text that Markdown shows as written: no link, emphasis or HTML can be smuggled in through a row's value."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


@dataclass
class CitationBook:
    """The rows a text can cite on one day, each read at most once: one query for thresholds, one for rules."""

    day: date
    _thresholds: list[Threshold] | None = None
    _newest_check: date | None = None
    _rules: dict[str, Rule] | None = field(default=None)

    def _load_thresholds(self) -> list[Threshold]:
        if self._thresholds is None:
            in_force = list(Threshold.objects.filter(status=Threshold.Status.IN_FORCE))
            self._newest_check = max((row.verified_on for row in in_force), default=None)
            self._thresholds = [row for row in in_force if row.applies_on(self.day)]
        return self._thresholds

    def threshold(self, *, kind: str, buyer: str, category: str) -> Threshold | None:
        """The most specific row in force, by the advisor's own rule."""
        rows = [row for row in self._load_thresholds() if row.kind == kind]
        return most_specific(rows, buyer=buyer, category=category)

    @property
    def newest_check(self) -> date | None:
        """As `selectors.newest_check`, from the rows already read."""
        self._load_thresholds()
        return self._newest_check

    def rule(self, key: str) -> Rule | None:
        if self._rules is None:
            self._rules = {rule.key: rule for rule in Rule.objects.all() if rule.applies_on(self.day)}
        return self._rules.get(key)


def format_nok(value: int) -> str:
    """«1 300 000 kroner» in Norwegian (non-breaking spaces between groups), «NOK 1,300,000» in English."""
    if (get_language() or "").startswith("en"):
        return f"NOK {value:,}"
    return f"{value:,}".replace(",", "\u00a0") + " kroner"


def _not_known(token: str) -> str:
    return escape_markdown(_("[not known: %(token)s]") % {"token": token})


def _threshold_text(parts: list[str], *, token: str, book: CitationBook) -> str:
    if len(parts) == 1:
        parts = [parts[0], Threshold.Buyer.ANY, Threshold.Category.ANY]
    if len(parts) != 3:
        return _not_known(token)
    kind, buyer, category = parts
    if (
        kind not in Threshold.Kind.values
        or buyer not in Threshold.Buyer.values
        or category not in Threshold.Category.values
    ):
        return _not_known(token)
    row = book.threshold(kind=kind, buyer=buyer, category=category)
    if row is None:
        return _not_known(token)
    text = format_nok(row.value_nok)
    newest = book.newest_check
    if newest is not None and book.day > newest:
        text = _("%(value)s (last checked %(date)s)") % {
            "value": text,
            "date": formats.date_format(newest, "DATE_FORMAT"),
        }
    return f"[{escape_markdown(text)}]({reverse('procurement:thresholds')})"


def _rule_text(parts: list[str], *, token: str, book: CitationBook) -> str:
    rule = book.rule(parts[0]) if len(parts) == 1 else None
    if rule is None:
        return _not_known(token)
    link = f"[{escape_markdown(rule.citation)}]({rule.get_absolute_url()})"
    note = _("paragraph number not verified")
    if rule.citation_verified or note.casefold() in rule.citation.casefold():
        return link
    return f"{link} ({escape_markdown(note)})"


def _replace(match: re.Match[str], *, book: CitationBook) -> str:
    token = match.group(1).strip()
    prefix, _sep, rest = token.partition(":")
    parts = rest.split(":") if rest else []
    if prefix == THRESHOLD_PREFIX and parts:
        return _threshold_text(parts, token=token, book=book)
    if prefix == RULE_PREFIX and parts:
        return _rule_text(parts, token=token, book=book)
    return _not_known(token)


def cite(text: str, *, day: date, book: CitationBook | None = None) -> str:
    """`text` with every token replaced by a Markdown link; a text without tokens costs no query."""
    if not text or "[[" not in text:
        return text or ""
    citations = book if book is not None and book.day == day else CitationBook(day=day)
    return TOKEN.sub(lambda match: _replace(match, book=citations), text)


_CITED_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((/[^)\s]*)\)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()<>#+!|~])")


def cite_plain(text: str, *, day: date) -> str:
    """`text` with every token replaced by its words alone, for search and other plain-text uses."""
    if not text or "[[" not in text:
        return text or ""
    book = book_for(day)
    cited = TOKEN.sub(lambda match: _replace(match, book=book), text)
    return _CITED_LINK.sub(lambda match: _ESCAPED.sub(r"\1", match.group(1)), cited)


def cite_in(text: str, *, language: str, day: date) -> str:
    """`cite` in a given language, for a field whose language is fixed (`fact_nb`, `fact_en`)."""
    with translation.override(language):
        return cite(text, day=day, book=book_for(day))


def tokens_in(text: str) -> list[str]:
    """The tokens a text cites, as written between the brackets."""
    return [match.group(1).strip() for match in TOKEN.finditer(text or "")]


# One book per day within a request, so a page citing in many texts reads the rows once. Outside a request
# (shell, tasks) nothing is kept, so a changed row is never hidden behind a stale copy.
_request_books: ContextVar[dict[date, CitationBook] | None] = ContextVar("procurement_citation_books", default=None)


def book_for(day: date) -> CitationBook:
    books = _request_books.get()
    if books is None:
        return CitationBook(day=day)
    return books.setdefault(day, CitationBook(day=day))


def _open_request(**_kwargs: Any) -> None:
    _request_books.set({})


def _close_request(**_kwargs: Any) -> None:
    _request_books.set(None)


request_started.connect(_open_request, dispatch_uid="procurement-citations-open")
request_finished.connect(_close_request, dispatch_uid="procurement-citations-close")
