"""How the API's write operations know who writes: `Authorization: Bearer <key>` with a key from the profile page.

The request then acts as the key's owner, for the key's organisation only (`token_of(request)`). Session cookies
are not accepted here, so a page another site opens in the visitor's browser cannot write through the API."""

from __future__ import annotations

from typing import cast

from django.http import HttpRequest
from ninja.security import HttpBearer

from .models import ApiToken
from .services import api_token_check


class TokenAuth(HttpBearer):
    openapi_description = "An API key from your profile page, sent as `Authorization: Bearer <key>`."

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        found = api_token_check(raw=token)
        if found is not None:
            request.user = found.user
        return found


def token_of(request: HttpRequest) -> ApiToken:
    """The key that authenticated this request (the operation is declared with auth=TokenAuth())."""
    return cast(ApiToken, request.auth)  # type: ignore[attr-defined]
