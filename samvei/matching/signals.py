from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from samvei.challenges.models import Challenge
from samvei.organisations.models import Organisation

KINDS: dict[type[Any], str] = {Organisation: "organisation", Challenge: "challenge"}


def _refresh_later(sender: type, instance: Any, **kwargs: Any) -> None:
    """Public bodies are never recommended, so their texts need no embedding."""
    from .tasks import refresh_embedding

    if isinstance(instance, Organisation) and instance.is_public_body:
        return
    transaction.on_commit(partial(refresh_embedding.enqueue, kind=KINDS[sender], object_id=instance.pk))


def connect() -> None:
    """Text changes are saved through the models; the embedding follows in the background after commit."""
    for model, kind in KINDS.items():
        post_save.connect(_refresh_later, sender=model, dispatch_uid=f"matching-embedding-{kind}")
