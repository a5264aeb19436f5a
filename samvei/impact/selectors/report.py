"""The effect report: the logic model, the indicators and the SROI of one collaboration gathered once, so the
page, the shared page and the PDF show the same thing from the same queries; and the private links to it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from samvei.collaborations.models import Collaboration

from ..models import Indicator, ReportLink
from .indicators import indicators_for
from .logic import LogicModel, logic_model_for
from .sroi import SroiReport, sroi_report_for

# What `secrets.token_urlsafe(32)` gives: 43 characters of the URL-safe base64 alphabet.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


@dataclass(frozen=True)
class Report:
    collaboration: Collaboration
    made_on: date
    logic_model: LogicModel
    indicators: list[Indicator]
    sroi_report: SroiReport | None


def report_for(*, collaboration: Collaboration, day: date) -> Report:
    """`collaboration` should come with its two parties loaded (views/common.py does so); `day` is the date
    the report says it was made."""
    return Report(
        collaboration=collaboration,
        made_on=day,
        logic_model=logic_model_for(collaboration=collaboration),
        indicators=indicators_for(collaboration=collaboration),
        sroi_report=sroi_report_for(collaboration=collaboration),
    )


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def report_links_for(*, collaboration: Collaboration) -> list[ReportLink]:
    """Active and revoked, newest first: a revoked link stays listed, so the parties see who had access."""
    return list(collaboration.report_links.select_related("organisation"))


def active_report_links_for(*, collaboration: Collaboration) -> list[ReportLink]:
    return list(collaboration.report_links.filter(revoked_at__isnull=True).select_related("organisation"))


def shared_report_link(*, token: str) -> ReportLink | None:
    """The active link a token opens, with its collaboration and parties; None for a revoked, unknown or
    malformed token alike, so the answer never tells that a link once existed."""
    if not TOKEN_SHAPE.fullmatch(token):
        return None
    return (
        ReportLink.objects.filter(token_hash=token_hash(token), revoked_at__isnull=True)
        .select_related("collaboration__public_body", "collaboration__partner")
        .first()
    )
