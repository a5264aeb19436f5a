from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from samvei.challenges.models import Challenge
from samvei.organisations.models import Organisation

KINDS: dict[type[Any], str] = {Organisation: "organisation", Challenge: "challenge"}
RELATIONS = {
    Organisation: ("welfare_areas", "target_groups", "municipalities", "counties"),
    Challenge: ("welfare_areas", "target_groups"),
}


def _refresh_later(kind: str, instance: Any) -> None:
    """Public bodies are never recommended, so they need no profile."""
    from .tasks import refresh_match_profile

    if isinstance(instance, Organisation) and instance.is_public_body:
        return
    transaction.on_commit(partial(refresh_match_profile.enqueue, kind=kind, object_id=instance.pk))


def _saved_or_deleted(sender: type, instance: Any, **kwargs: Any) -> None:
    _refresh_later(KINDS[sender], instance)


def _relation_changed(sender: type, instance: Any, action: str, reverse: bool, **kwargs: Any) -> None:
    if action.startswith("post_") and not reverse and type(instance) in KINDS:
        _refresh_later(KINDS[type(instance)], instance)


def connect() -> None:
    """Texts, areas, groups and reach are saved through the models; the profile follows in the background."""
    for model, kind in KINDS.items():
        post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=f"matching-saved-{kind}")
        post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=f"matching-deleted-{kind}")
        for relation in RELATIONS[model]:
            m2m_changed.connect(
                _relation_changed,
                sender=getattr(model, relation).through,
                dispatch_uid=f"matching-{kind}-{relation}",
            )
