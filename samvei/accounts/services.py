from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone

from .models import User
from .personal_data import registered_exporters


def user_profile_update(*, user: User, name: str, preferred_language: str) -> User:
    user.name = name
    user.preferred_language = preferred_language
    user.full_clean()
    user.save(update_fields=["name", "preferred_language"])
    return user


def personal_data_export(*, user: User) -> dict[str, Any]:
    """Everything Samvei stores about one person, as plain JSON-ready data."""
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "name": user.name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "is_staff": user.is_staff,
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        "api_keys": [
            {
                "name": token.name,
                "organisation": token.organisation.name,
                "starts_with": token.prefix,
                "created_at": token.created_at.isoformat(),
                "expires_at": token.expires_at.isoformat(),
                "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
                "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
            }
            for token in user.api_tokens.select_related("organisation")
        ],
    }
    for name, exporter in registered_exporters().items():
        data[name] = exporter(user)
    return data


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Memberships and pending claims go with the user (cascade); content the user wrote for an organisation
    stays, without their name (the author columns are set to NULL)."""
    user.delete()
