from __future__ import annotations

from functools import partial
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from samvei.organisations.models import Membership


def _member_joined(sender: type[Membership], instance: Membership, created: bool, **kwargs: Any) -> None:
    """However someone joins (a claim, an invitation, the admin), what waited for their organisation goes out."""
    from .tasks import deliver_waiting_pitches

    if created:
        transaction.on_commit(partial(deliver_waiting_pitches.enqueue, receiver_id=instance.organisation_id))


def connect() -> None:
    post_save.connect(_member_joined, sender=Membership, dispatch_uid="challenges-member-joined")
