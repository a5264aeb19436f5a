"""Profiles of organisations and challenges for the scorer: their text, the areas and groups they state (or,
when they state none, those their text suggests) and where they are or operate."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from samvei.challenges.models import Challenge
from samvei.core.limits import LONG_TEXT, TITLE
from samvei.organisations.models import Organisation

from .inference import inferred_target_groups, inferred_welfare_areas
from .scoring import Profile

# Every text a profile reads is bounded by its field (`samvei.core.limits`); rows stored before the limits, or
# written past them, are cut here, so that reading areas, groups and terms from a profile always costs as
# little as reading a valid one.
MAX_PROFILE_CHARACTERS = TITLE + 3 * LONG_TEXT + 3


def _joined(parts: Iterable[str]) -> str:
    return "\n".join(part for part in parts if part)[:MAX_PROFILE_CHARACTERS]


def organisation_text(organisation: Organisation) -> str:
    return _joined((organisation.name, organisation.description, organisation.mission, organisation.services))


def challenge_text(challenge: Challenge) -> str:
    return _joined((challenge.title, challenge.description, challenge.affected, challenge.desired_outcomes))


def stated_or_inferred(stated: Iterable[str], text: str, infer: Callable[[str], set[str]]) -> frozenset[str]:
    """The codes an object states, or when it states none, those its text suggests."""
    return frozenset(stated) or frozenset(infer(text))


def _codes(obj: Organisation | Challenge, relation: str, text: str, infer: Callable[[str], set[str]]) -> frozenset[str]:
    return stated_or_inferred((term.code for term in getattr(obj, relation).all()), text, infer)


def organisation_profile(organisation: Organisation) -> Profile:
    text = organisation_text(organisation)
    places = list(organisation.municipalities.all())
    municipalities = {m.number for m in places}
    counties = {c.number for c in organisation.counties.all()} | {m.county.number for m in places}
    if organisation.municipality is not None:
        municipalities.add(organisation.municipality.number)
        counties.add(organisation.municipality.county.number)
    return Profile(
        key=organisation.pk,
        text=text,
        welfare_areas=_codes(organisation, "welfare_areas", text, inferred_welfare_areas),
        target_groups=_codes(organisation, "target_groups", text, inferred_target_groups),
        municipalities=frozenset(municipalities),
        counties=frozenset(counties),
        national=organisation.national,
        is_example=organisation.is_example,
    )


def challenge_profile(challenge: Challenge) -> Profile:
    text = challenge_text(challenge)
    municipality = challenge.municipality
    return Profile(
        key=challenge.pk,
        text=text,
        welfare_areas=_codes(challenge, "welfare_areas", text, inferred_welfare_areas),
        target_groups=_codes(challenge, "target_groups", text, inferred_target_groups),
        municipalities=frozenset({municipality.number}) if municipality else frozenset(),
        counties=frozenset({municipality.county.number}) if municipality else frozenset(),
        is_example=challenge.is_example,
    )
