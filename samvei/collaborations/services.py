from __future__ import annotations

from django.db import transaction

from samvei.accounts.models import User
from samvei.challenges.models import Pitch
from samvei.challenges.services import pitch_mark_selected

from .models import Collaboration, CollaborationEvent


@transaction.atomic
def collaboration_start(*, pitch: Pitch, actor: User) -> Collaboration:
    """The public body selects a pitch: the pitch is marked selected and the two start collaborating."""
    pitch = Pitch.objects.select_for_update(of=("self",)).select_related("challenge").get(pk=pitch.pk)
    pitch_mark_selected(pitch=pitch, actor=actor)
    collaboration = Collaboration.objects.create(
        public_body_id=pitch.receiver_id,
        partner_id=pitch.sender_id,
        pitch=pitch,
        challenge=pitch.challenge,
        title=pitch.title,
    )
    CollaborationEvent.objects.create(collaboration=collaboration, kind="started", actor=actor)
    return collaboration
