from __future__ import annotations

from django import template
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_link(context: template.Context, url_name: str, label: str, *, section: bool = True) -> SafeString:
    """A main-menu link that tells assistive technology which page or section the user is in."""
    request: HttpRequest = context["request"]
    url = reverse(url_name)
    if request.path == url:
        return format_html('<a class="ds-link" href="{}" aria-current="page">{}</a>', url, label)
    if section and request.path.startswith(url):
        return format_html('<a class="ds-link" href="{}" aria-current="true">{}</a>', url, label)
    return format_html('<a class="ds-link" href="{}">{}</a>', url, label)
