from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import BaseForm
from django.http import Http404
from django.utils.translation import gettext as _

from ..models import Organisation
from ..selectors import organisation_get


def organisation_or_404(slug: str) -> Organisation:
    try:
        return organisation_get(slug=slug)
    except Organisation.DoesNotExist as error:
        raise Http404(_("No organisation has this address.")) from error


def require(allowed: bool) -> None:
    """Refuse with 403 unless the permission check passed."""
    if not allowed:
        raise PermissionDenied


def add_service_errors(form: BaseForm, error: ValidationError) -> None:
    """Show a service's refusal on the form, so the page explains it and nothing is stored."""
    for message in error.messages:
        form.add_error(None, message)
