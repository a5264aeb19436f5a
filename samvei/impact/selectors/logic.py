"""The logic model as the pages and the report read it: stakeholders first, then the five levels in order."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from samvei.collaborations.models import Collaboration

from ..models import LogicModelEntry, Stakeholder


@dataclass(frozen=True)
class LogicLevel:
    level: str
    label: str
    entries: tuple[LogicModelEntry, ...]


@dataclass(frozen=True)
class LogicModel:
    stakeholders: tuple[Stakeholder, ...]
    levels: tuple[LogicLevel, ...]

    @property
    def is_empty(self) -> bool:
        return not self.stakeholders and not any(level.entries for level in self.levels)


def stakeholders_of(*, collaboration: Collaboration) -> QuerySet[Stakeholder]:
    return Stakeholder.objects.filter(collaboration=collaboration)


def logic_model_for(*, collaboration: Collaboration) -> LogicModel:
    """Two queries whatever the size: every level is listed, an empty one too, so the chain reads whole."""
    stakeholders = tuple(stakeholders_of(collaboration=collaboration))
    entries = LogicModelEntry.objects.filter(collaboration=collaboration).select_related("stakeholder")
    by_level: dict[str, list[LogicModelEntry]] = {level: [] for level in LogicModelEntry.Level.values}
    for entry in entries:
        by_level.setdefault(entry.level, []).append(entry)
    levels = tuple(
        LogicLevel(level=level, label=str(label), entries=tuple(by_level[level]))
        for level, label in LogicModelEntry.Level.choices
    )
    return LogicModel(stakeholders=stakeholders, levels=levels)


def stakeholder_get(*, collaboration: Collaboration, pk: int) -> Stakeholder | None:
    return stakeholders_of(collaboration=collaboration).filter(pk=pk).first()


def logic_entry_get(*, collaboration: Collaboration, pk: int) -> LogicModelEntry | None:
    return LogicModelEntry.objects.filter(collaboration=collaboration, pk=pk).first()
