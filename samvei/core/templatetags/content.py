from __future__ import annotations

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from samvei.core.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text: str) -> SafeString:
    return render_markdown(text)


@register.filter
def tr(obj: object, field: str) -> str:
    """The English text of a bilingual field when English is active and written, else the bokmål text."""
    if get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return str(english)
    return str(getattr(obj, f"{field}_nb", ""))
