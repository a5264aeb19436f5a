"""Links to cases by slug, for pages of apps listed before the cookbook (the procurement catalogue names the
cases that used a form by slug, since it cannot import the cookbook)."""

from __future__ import annotations

from django import template
from django.utils.html import format_html_join

from samvei.cookbook.models import Case
from samvei.core.templatetags.content import tr

register = template.Library()


@register.simple_tag
def case_titles() -> dict[str, Case]:
    """Every published case by slug, in one query for the whole page."""
    return {case.slug: case for case in Case.objects.published()}


@register.simple_tag
def case_links(slugs: list[str], cases: dict[str, Case]) -> str:
    """Links to the published cases among `slugs`; a slug with no published case is left out."""
    found = [cases[slug] for slug in slugs if slug in cases]
    return format_html_join(
        ", ", '<a class="ds-link" href="{}">{}</a>', ((case.get_absolute_url(), tr(case, "title")) for case in found)
    )
