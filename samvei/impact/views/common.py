"""What every effect view starts with: the collaboration, for its parties only."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from samvei.collaborations.models import Collaboration
from samvei.core.view_helpers import visible_or_404

from .. import permissions


def collaboration_for(request: HttpRequest, pk: int, *, edit: bool = False) -> Collaboration:
    """404 for anyone who is no party, staff included: the effect data are private like the rest of the record;
    `edit` asks for the right to change them."""
    rule = permissions.can_edit_effects if edit else permissions.can_see_effects
    return visible_or_404(
        get_object_or_404(Collaboration.objects.select_related("public_body", "partner"), pk=pk),
        visible=lambda found: rule(user=request.user, collaboration=found),
        message=_("There is no such collaboration."),
    )
