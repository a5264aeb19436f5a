from __future__ import annotations

from dataclasses import dataclass

from samvei.challenges.models import Challenge
from samvei.core.models import published
from samvei.geography.models import County, Municipality
from samvei.organisations.models import ContactPoint, Organisation


@dataclass(frozen=True)
class DirectoryFigures:
    municipalities: int
    counties: int
    state_agencies: int
    enterprises: int
    contact_points: int
    open_challenges: int


def directory_figures() -> DirectoryFigures:
    """The counts the front page states, read from the data rather than written into the text."""
    return DirectoryFigures(
        municipalities=Municipality.objects.count(),
        counties=County.objects.count(),
        state_agencies=Organisation.objects.filter(kind=Organisation.Kind.STATE_AGENCY).count(),
        enterprises=Organisation.objects.filter(
            kind__in=[Organisation.Kind.SOCIAL_ENTERPRISE, Organisation.Kind.VOLUNTARY]
        ).count(),
        contact_points=ContactPoint.objects.count(),
        open_challenges=published(Challenge.objects.filter(status__in=Challenge.OPEN_FOR_PITCHES)).count(),
    )
