"""`{% agreement_template_for collaboration as template %}`: the template a draft made today would use, for the
collaboration page's draft links. Empty for anyone who is not a party, so the links never show to others."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from samvei.collaborations.models import Collaboration

from ..models import AgreementTemplate
from ..permissions import can_draft_agreement
from ..selectors import agreement_template_for as template_for

register = template.Library()


@register.simple_tag(takes_context=True)
def agreement_template_for(context: dict[str, Any], collaboration: Collaboration) -> AgreementTemplate | None:
    request = context.get("request")
    if request is None or not can_draft_agreement(user=request.user, collaboration=collaboration):
        return None
    return template_for(collaboration=collaboration, day=timezone.localdate())


@register.simple_tag(takes_context=True)
def can_draft(context: dict[str, Any], collaboration: Collaboration) -> bool:
    request = context.get("request")
    return request is not None and can_draft_agreement(user=request.user, collaboration=collaboration)
