"""The `cite` filter: law tokens in content text become links to the dated rows, before `markdown` renders it.

Use it between `tr` and `markdown`: `{{ myth|tr:"fact"|cite|markdown }}`. Its output is Markdown source, not
HTML, so `markdown` still escapes and nh3 still cleans everything around the links."""

from __future__ import annotations

from django import template
from django.utils import timezone

from samvei.procurement.citations import book_for, cite

register = template.Library()


@register.filter(name="cite")
def cite_filter(text: object) -> str:
    """Today's values: a page always shows the law in force on the day it is read."""
    day = timezone.localdate()
    return cite(str(text or ""), day=day, book=book_for(day))
