from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _

from ..models import Organisation
from ..selectors import organisation_get


def organisation_or_404(slug: str) -> Organisation:
    try:
        return organisation_get(slug=slug)
    except Organisation.DoesNotExist as error:
        raise Http404(_("No organisation has this address.")) from error
