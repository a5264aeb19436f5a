from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from .models import User


def authenticated_user(request: HttpRequest) -> User:
    """The signed-in user, typed; views call it after @login_required."""
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied
    assert isinstance(user, User)  # noqa: S101 - narrows the type; AUTH_USER_MODEL is User
    return user
