"""API keys: made, listed and revoked on the profile page, and checked on every write through the API.

A key is a long random secret, so a plain SHA-256 of it is enough to store (a slow password hash guards short
secrets people choose). The key names its organisation: whatever it writes, it writes for that one only."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.organisations.models import Membership, Organisation

from .models import ApiToken

KEY_PREFIX = "samvei_"
LIFETIME = timedelta(days=365)
MAX_ACTIVE_PER_USER = 10
# Writing the last-used time on every request would make each read a write; once a minute is enough to show.
LAST_USED_PRECISION = timedelta(minutes=1)


def _hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def api_tokens_for(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).select_related("organisation")


def api_token_organisations(*, user: User) -> QuerySet[Organisation]:
    """A key can be made for the organisations the person belongs to."""
    return Organisation.objects.filter(memberships__user=user).order_by("name")


def api_token_create(*, user: User, organisation: Organisation, name: str) -> tuple[ApiToken, str]:
    """Returns the new key's row and the key itself, which is never stored and cannot be shown again."""
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise PermissionDenied
    now = timezone.now()
    active = ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=now).count()
    if active >= MAX_ACTIVE_PER_USER:
        raise ValidationError(
            _("You have %(count)s active API keys. Revoke one you no longer use before you make a new one.")
            % {"count": active},
            code="too_many",
        )
    raw = KEY_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        organisation=organisation,
        name=name.strip(),
        prefix=raw[: len(KEY_PREFIX) + 6],
        key_hash=_hash(raw),
        created_at=now,
        expires_at=now + LIFETIME,
    )
    token.full_clean()
    token.save()
    return token, raw


def api_token_revoke(*, user: User, token_id: int) -> ApiToken:
    """Only the key's owner revokes it; another person's key is as unknown to them as a missing one."""
    token = ApiToken.objects.filter(pk=token_id, user=user).first()
    if token is None:
        raise ApiToken.DoesNotExist
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_check(*, raw: str) -> ApiToken | None:
    """The active key with this secret whose owner still belongs to its organisation and may sign in; or None."""
    if not raw.startswith(KEY_PREFIX) or len(raw) > 100:
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user", "organisation")
        .filter(key_hash=_hash(raw), revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)
        .first()
    )
    if token is None or not Membership.objects.filter(user=token.user, organisation=token.organisation).exists():
        return None
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token
