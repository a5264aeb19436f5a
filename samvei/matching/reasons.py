"""The reasons a match is suggested, in words: where the candidate works, what it shares with the query and
whether the texts are alike. Kept apart from the scoring, which needs only codes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Names:
    """Display names for the codes that reasons mention."""

    welfare_areas: Mapping[str, str] = field(default_factory=dict)
    target_groups: Mapping[str, str] = field(default_factory=dict)
    municipalities: Mapping[str, str] = field(default_factory=dict)
    counties: Mapping[str, str] = field(default_factory=dict)


def reasons_for(
    reach: str, municipalities: Iterable[str], counties: Iterable[str], areas: frozenset[str], groups: frozenset[str],
    similar: bool, concepts: list[str],
    names: Names,
) -> list[str]:  # fmt: skip
    reasons = []
    if reach == "municipality":
        municipality = next(iter(sorted(municipalities)), "")
        reasons.append(_("Operates in %(place)s") % {"place": names.municipalities.get(municipality, municipality)})
    elif reach == "county":
        county = next(iter(sorted(counties)), "")
        reasons.append(_("Operates in %(county)s") % {"county": names.counties.get(county, county)})
    elif reach == "national":
        reasons.append(_("Operates nationally"))
    if areas:
        label = ", ".join(sorted(names.welfare_areas.get(code, code) for code in areas))
        reasons.append(_("Same welfare area: %(areas)s") % {"areas": label})
    if groups:
        label = ", ".join(sorted(names.target_groups.get(code, code) for code in groups))
        reasons.append(_("Same target group: %(groups)s") % {"groups": label})
    if similar:
        reasons.append(_("The descriptions are similar"))
    if concepts:
        label = ", ".join(sorted(_concept_name(key, names) for key in concepts))
        reasons.append(_("Both are about: %(concepts)s") % {"concepts": label})
    return reasons


def _concept_name(key: str, names: Names) -> str:
    kind, code = key.split(":", 1)
    table = names.welfare_areas if kind == "welfare_areas" else names.target_groups
    return table.get(code, code)
