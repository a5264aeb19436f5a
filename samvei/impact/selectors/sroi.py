"""The SROI as the record, the report and the PDF read it: the stored analysis turned into `sroi.calculate`'s
input, and the result beside the evidence behind every number.

`estimate_share` says how much of the value a reader should hold loosely. It is the sum of the present values
of the outcomes that rest on at least one assumption graded «estimate», divided by the total present value of
all outcomes: an outcome counts whole, since one guessed number (say the attribution) makes its whole value a
guess. An outcome that lacks one of its seven assumptions (stored outside the services) counts as resting on an
estimate, as nothing shows the number is known. When the total present value is 0 the share is 0."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from samvei.collaborations.models import Collaboration

from ..models import Assumption, Evidence, SroiAnalysis, SroiOutcome
from ..sroi import ADJUSTMENTS, OutcomeInput, SroiInput, SroiResult, calculate


@dataclass(frozen=True)
class AssumptionRow:
    """One number of an outcome with its evidence; `kind` tells the template how to write `value`."""

    subject: str
    label: str
    value: Decimal
    kind: str  # "number", "kroner", "percent" or "years"
    evidence: str
    evidence_label: str
    source: str


@dataclass(frozen=True)
class OutcomeReport:
    outcome: SroiOutcome
    assumptions: tuple[AssumptionRow, ...]
    present_value_nok: float
    rests_on_estimate: bool


@dataclass(frozen=True)
class GradeCount:
    grade: str
    label: str
    count: int


@dataclass(frozen=True)
class SensitivityRow:
    """The ratio when one assumption is changed down (`lower`) and up (`higher`), all else as entered."""

    label: str
    lower_label: str
    lower: float
    higher_label: str
    higher: float


@dataclass(frozen=True)
class SroiReport:
    analysis: SroiAnalysis
    result: SroiResult
    outcomes: tuple[OutcomeReport, ...]
    estimate_share: float
    grade_counts: tuple[GradeCount, ...]
    sensitivity: tuple[SensitivityRow, ...]

    @property
    def estimate_percent(self) -> float:
        return self.estimate_share * 100

    @property
    def payback_whole_months(self) -> int | None:
        """Rounded up: the value has reached the investment by the end of that month."""
        months = self.result.payback_months
        return None if months is None else math.ceil(months)

    @property
    def discount_percent(self) -> Decimal:
        return self.analysis.discount_rate * 100


def analysis_for(*, collaboration: Collaboration) -> SroiAnalysis | None:
    return SroiAnalysis.objects.filter(collaboration=collaboration).first()


def _outcomes(analysis: SroiAnalysis) -> list[SroiOutcome]:
    """The outcomes in their order; a prefetch made by the caller (`sroi_report_for`) is used as it is."""
    return list(analysis.outcomes.all())


def sroi_input_for(*, analysis: SroiAnalysis) -> SroiInput:
    return _input(analysis, _outcomes(analysis))


def _input(analysis: SroiAnalysis, outcomes: list[SroiOutcome]) -> SroiInput:
    return SroiInput(
        investment_nok=float(analysis.investment_nok),
        discount_rate=float(analysis.discount_rate),
        outcomes=[
            OutcomeInput(
                name=outcome.name,
                quantity=float(outcome.quantity),
                proxy_value_nok=float(outcome.proxy_value_nok),
                deadweight=float(outcome.deadweight),
                displacement=float(outcome.displacement),
                attribution=float(outcome.attribution),
                drop_off=float(outcome.drop_off),
                duration_years=outcome.duration_years,
            )
            for outcome in outcomes
        ],
        name=analysis.collaboration.title,
    )


def _value(outcome: SroiOutcome, subject: str) -> tuple[Decimal, str]:
    if subject == Assumption.Subject.QUANTITY:
        return outcome.quantity, "number"
    if subject == Assumption.Subject.PROXY:
        return outcome.proxy_value_nok, "kroner"
    if subject == Assumption.Subject.DURATION:
        return Decimal(outcome.duration_years), "years"
    return getattr(outcome, subject) * 100, "percent"


def _rows(outcome: SroiOutcome) -> tuple[AssumptionRow, ...]:
    stored = {assumption.subject: assumption for assumption in outcome.assumptions.all()}
    rows = []
    for subject, label in Assumption.Subject.choices:
        value, kind = _value(outcome, subject)
        assumption = stored.get(subject)
        rows.append(
            AssumptionRow(
                subject=subject,
                label=str(label),
                value=value,
                kind=kind,
                evidence=assumption.evidence if assumption else "",
                evidence_label=assumption.get_evidence_display() if assumption else "",
                source=assumption.source if assumption else "",
            )
        )
    return tuple(rows)


def _sensitivity(result: SroiResult) -> tuple[SensitivityRow, ...]:
    rows = [
        SensitivityRow(
            label=str(Assumption.Subject(name).label),
            lower_label=_("−50 %"),
            lower=result.sensitivity[name]["minus_50"],
            higher_label=_("+50 %"),
            higher=result.sensitivity[name]["plus_50"],
        )
        for name in ADJUSTMENTS
    ]
    rates = result.sensitivity["discount_rate"]
    rate = SensitivityRow(
        label=_("Discount rate"),
        lower_label=_("2 %"),
        lower=rates["0.02"],
        higher_label=_("6 %"),
        higher=rates["0.06"],
    )
    return (*rows, rate)


def sroi_report_for(*, collaboration: Collaboration) -> SroiReport | None:
    """Three queries whatever the number of outcomes; None until there is an analysis with an outcome."""
    analysis = (
        SroiAnalysis.objects.filter(collaboration=collaboration)
        .select_related("collaboration")
        .prefetch_related(
            Prefetch(
                "outcomes",
                queryset=SroiOutcome.objects.select_related("stakeholder", "indicator", "proxy").prefetch_related(
                    "assumptions"
                ),
            )
        )
        .first()
    )
    if analysis is None:
        return None
    outcomes = _outcomes(analysis)
    if not outcomes:
        return None
    result = calculate(_input(analysis, outcomes))
    reports = []
    counts = dict.fromkeys(Evidence.values, 0)
    for outcome, outcome_result in zip(outcomes, result.per_outcome, strict=True):
        rows = _rows(outcome)
        for row in rows:
            if row.evidence in counts:
                counts[row.evidence] += 1
        rests = any(row.evidence in ("", Evidence.ESTIMATE) for row in rows)
        reports.append(OutcomeReport(outcome, rows, outcome_result.present_value_nok, rests))
    on_estimates = sum(report.present_value_nok for report in reports if report.rests_on_estimate)
    total = result.present_value_nok
    return SroiReport(
        analysis=analysis,
        result=result,
        outcomes=tuple(reports),
        estimate_share=on_estimates / total if total > 0 else 0.0,
        grade_counts=tuple(
            GradeCount(grade=grade, label=str(label), count=counts[grade]) for grade, label in Evidence.choices
        ),
        sensitivity=_sensitivity(result),
    )


def outcome_get(*, collaboration: Collaboration, pk: int) -> SroiOutcome | None:
    """Only an outcome of this collaboration's analysis: a crafted id of another one is not found."""
    return (
        SroiOutcome.objects.filter(analysis__collaboration=collaboration, pk=pk)
        .select_related("analysis__collaboration", "proxy__source")
        .prefetch_related("assumptions")
        .first()
    )
