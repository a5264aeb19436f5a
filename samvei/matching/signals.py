from __future__ import annotations

from samvei.challenges.models import Challenge
from samvei.core.derived import register_refresher, track
from samvei.organisations.models import Organisation

# The fields a profile reads beside the texts: areas, groups and where the organisation works.
RELATIONS = {
    Organisation: ("welfare_areas", "target_groups", "municipalities", "counties"),
    Challenge: ("welfare_areas", "target_groups"),
}
KINDS = {Organisation: "organisation", Challenge: "challenge"}


def connect() -> None:
    """A profile follows its organisation or challenge in the background (`core.derived`); public bodies and
    closed challenges simply have none (`profiles_refresh` deactivates them)."""
    from .tasks import refresh_match_profiles

    for model, kind in KINDS.items():
        track(model, kind, relations=RELATIONS[model])
        register_refresher(kind, refresh_match_profiles)
