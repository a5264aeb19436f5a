"""Indicators as pages show them: with their measurements fetched in one query for all of them, the latest
value at hand, and the chart drawn only when a template asks for it."""

from __future__ import annotations

from functools import partial

from django.db.models import QuerySet

from samvei.collaborations.models import Collaboration

from ..charts import indicator_chart_svg
from ..models import Indicator, LogicModelEntry

MEASURED_LEVELS = (LogicModelEntry.Level.OUTPUT, LogicModelEntry.Level.OUTCOME, LogicModelEntry.Level.IMPACT)
# Set on each indicator by the selectors below, for `impact/partials/indicator_figure.html` and the overview:
# `chart` is called by the template (a callable without arguments), so a page that lists indicators without
# their charts draws none.
CHART, LATEST = "chart", "latest"


def measurable_entries(*, collaboration: Collaboration) -> QuerySet[LogicModelEntry]:
    """The logic-model entries of this collaboration that an indicator can measure: what it produces or
    changes, not what it puts in."""
    return LogicModelEntry.objects.filter(collaboration=collaboration, level__in=MEASURED_LEVELS)


def _indicators(collaboration: Collaboration) -> QuerySet[Indicator]:
    return (
        Indicator.objects.filter(collaboration=collaboration).select_related("outcome").prefetch_related("measurements")
    )


def _with_figure(indicator: Indicator) -> Indicator:
    measurements = list(indicator.measurements.all())
    setattr(indicator, LATEST, measurements[-1] if measurements else None)
    setattr(indicator, CHART, partial(indicator_chart_svg, indicator=indicator, measurements=measurements))
    return indicator


def indicators_for(*, collaboration: Collaboration) -> list[Indicator]:
    """Every indicator of the collaboration by name, each with `measurements` prefetched (two queries however
    many there are), `latest` (the newest Measurement or None) and `chart` (its SVG)."""
    return [_with_figure(indicator) for indicator in _indicators(collaboration)]


def indicator_for(*, collaboration: Collaboration, pk: int) -> Indicator | None:
    """One indicator of this collaboration, prepared like `indicators_for`; None when the collaboration has no
    such indicator, so that a crafted address cannot reach another collaboration's."""
    indicator = _indicators(collaboration).filter(pk=pk).first()
    return _with_figure(indicator) if indicator else None
