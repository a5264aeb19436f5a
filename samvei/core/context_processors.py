from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """Values every page template needs for the layout."""
    return {"site_operator": settings.SAMVEI_OPERATOR, "site_contact_email": settings.SAMVEI_CONTACT_EMAIL}
