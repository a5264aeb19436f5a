"""The audit log: what platform staff do is written as a row, whether in the admin (Django's own LogEntry,
copied as it is saved) or on the site (moderation, claims, verification, editorial content)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from .models import StaffAction

ADMIN_ACTIONS = {ADDITION: "admin_add", CHANGE: "admin_change", DELETION: "admin_delete"}
ACTION_LABELS = {
    "admin_add": _("Added in the admin"),
    "admin_change": _("Changed in the admin"),
    "admin_delete": _("Deleted in the admin"),
    "content_saved": _("Saved editorial content"),
    "comment_approved": _("Approved a comment"),
    "comment_rejected": _("Rejected a comment"),
}


def _url(target: models.Model) -> str:
    get_url = getattr(target, "get_absolute_url", None)
    try:
        return str(get_url()) if callable(get_url) else ""
    except NoReverseMatch:
        return ""


def staff_action_record(*, actor: Any, action: str, target: models.Model) -> StaffAction | None:
    """Records the action when `actor` is staff; what members do is in their organisation's own log."""
    if not getattr(actor, "is_staff", False):
        return None
    return StaffAction.objects.create(
        actor=actor, actor_label=actor.email, action=action, target_label=str(target)[:300], target_url=_url(target)
    )


def admin_entry_record(entry: LogEntry) -> StaffAction:
    """A copy of an admin log entry, linked to the object's admin page while it exists."""
    content_type = cast("ContentType | None", entry.content_type)
    url = ""
    if entry.action_flag != DELETION and content_type is not None:
        try:
            url = reverse(f"admin:{content_type.app_label}_{content_type.model}_change", args=[entry.object_id])
        except NoReverseMatch:
            url = ""
    kind = str(content_type.name) if content_type is not None else ""
    return StaffAction.objects.create(
        actor_id=entry.user_id,
        actor_label=cast("Any", entry.user).email,
        action=ADMIN_ACTIONS.get(entry.action_flag, "admin_change"),
        target_label=f"{kind}: {entry.object_repr}"[:300],
        target_url=url,
    )
