"""Changes to the logic model and its stakeholders. Each one joins the collaboration's timeline, so either
party can see who changed the model and when."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.collaborations.models import Collaboration
from samvei.collaborations.services import collaboration_event_record

from ..models import LogicModelEntry, Stakeholder


def _next_position(model: type[Stakeholder] | type[LogicModelEntry], collaboration: Collaboration) -> int:
    highest = model.objects.filter(collaboration=collaboration).aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def stakeholder_add(*, collaboration: Collaboration, actor: User, name: str, involvement: str) -> Stakeholder:
    """SROI principle 1: name who changes or decides, and say how they take part."""
    stakeholder = Stakeholder(
        collaboration=collaboration,
        name=name.strip(),
        involvement=involvement.strip(),
        position=_next_position(Stakeholder, collaboration),
    )
    stakeholder.full_clean()
    stakeholder.save()
    collaboration_event_record(
        collaboration=collaboration, kind="stakeholder_added", actor=actor, name=stakeholder.name
    )
    return stakeholder


@transaction.atomic
def stakeholder_remove(*, stakeholder: Stakeholder, actor: User) -> None:
    """Entries and SROI outcomes that named the stakeholder keep their text and lose the link."""
    collaboration, name = stakeholder.collaboration, stakeholder.name
    stakeholder.delete()
    collaboration_event_record(collaboration=collaboration, kind="stakeholder_removed", actor=actor, name=name)


@transaction.atomic
def logic_entry_add(
    *,
    collaboration: Collaboration,
    actor: User,
    level: str,
    text: str,
    stakeholder: Stakeholder | None = None,
) -> LogicModelEntry:
    """A stakeholder of another collaboration is refused: the model speaks only of this one's people."""
    if stakeholder is not None and stakeholder.collaboration_id != collaboration.pk:
        raise ValidationError(
            {"stakeholder": ValidationError(_("Choose a stakeholder of this collaboration."), code="other")}
        )
    entry = LogicModelEntry(
        collaboration=collaboration,
        level=level,
        text=text.strip(),
        stakeholder=stakeholder,
        position=_next_position(LogicModelEntry, collaboration),
    )
    entry.full_clean()
    entry.save()
    collaboration_event_record(collaboration=collaboration, kind="logic_entry_added", actor=actor, name=entry.text)
    return entry


@transaction.atomic
def logic_entry_remove(*, entry: LogicModelEntry, actor: User) -> None:
    collaboration, text = entry.collaboration, entry.text
    entry.delete()
    collaboration_event_record(collaboration=collaboration, kind="logic_entry_removed", actor=actor, name=text)
