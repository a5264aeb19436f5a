"""The SROI read from the record: the input to the arithmetic, the report, and the share that rests on estimates."""

from decimal import Decimal

import pytest
from django.template.loader import render_to_string

from samvei.impact.models import Assumption, Evidence
from samvei.impact.selectors.sroi import sroi_input_for, sroi_report_for

from .factories import AssumptionFactory, SroiAnalysisFactory, SroiOutcomeFactory

FLAT = {"deadweight": 0, "displacement": 0, "attribution": 0, "drop_off": 0, "duration_years": 1}


def graded(outcome, **grades):
    """All seven assumptions of `outcome`, measured unless `grades` says otherwise."""
    for subject in Assumption.Subject.values:
        AssumptionFactory(outcome=outcome, subject=subject, evidence=grades.get(subject, Evidence.MEASURED))


@pytest.fixture
def worked(collaboration):
    """Investment 10 000 at 0 %: «Færre fall» is worth 30 000 on measured numbers only, «Mindre ensomhet» 10 000
    with its attribution an estimate and its value per unit from a study: 1 : 4, and 25 % rests on estimates."""
    analysis = SroiAnalysisFactory(collaboration=collaboration, investment_nok=10000, discount_rate=Decimal(0))
    graded(SroiOutcomeFactory(analysis=analysis, name="Færre fall", quantity=3, proxy_value_nok=10000, **FLAT))
    graded(
        SroiOutcomeFactory(analysis=analysis, name="Mindre ensomhet", quantity=5, proxy_value_nok=2000, **FLAT),
        attribution=Evidence.ESTIMATE,
        proxy=Evidence.STUDY,
    )
    return analysis


def test_report_is_none_without_analysis(collaboration):
    assert sroi_report_for(collaboration=collaboration) is None


def test_report_is_none_without_outcomes(collaboration):
    SroiAnalysisFactory(collaboration=collaboration)
    assert sroi_report_for(collaboration=collaboration) is None


def test_report_ratio_on_worked_example(collaboration, worked):
    assert sroi_report_for(collaboration=collaboration).result.sroi_ratio == pytest.approx(4.0)


def test_estimate_share_on_worked_example(collaboration, worked):
    assert sroi_report_for(collaboration=collaboration).estimate_share == pytest.approx(0.25)


def test_grade_counts_on_worked_example(collaboration, worked):
    counts = {grade.grade: grade.count for grade in sroi_report_for(collaboration=collaboration).grade_counts}
    assert counts == {"measured": 12, "study": 1, "estimate": 1}


def test_outcome_without_all_assumptions_counts_as_estimate(collaboration):
    analysis = SroiAnalysisFactory(collaboration=collaboration, investment_nok=1000, discount_rate=Decimal(0))
    SroiOutcomeFactory(analysis=analysis, **FLAT)
    assert sroi_report_for(collaboration=collaboration).estimate_share == pytest.approx(1.0)


def test_estimate_share_is_zero_when_value_is_zero(collaboration):
    analysis = SroiAnalysisFactory(collaboration=collaboration)
    graded(SroiOutcomeFactory(analysis=analysis, quantity=0), quantity=Evidence.ESTIMATE)
    assert sroi_report_for(collaboration=collaboration).estimate_share == 0.0


def test_report_lists_every_assumption_with_its_value(collaboration, worked):
    outcome = sroi_report_for(collaboration=collaboration).outcomes[1]
    rows = {row.subject: (row.value, row.evidence) for row in outcome.assumptions}
    assert rows["attribution"] == (Decimal(0), Evidence.ESTIMATE)
    assert rows["proxy"] == (Decimal(2000), Evidence.STUDY)
    assert len(rows) == 7


def test_report_gives_sensitivity_for_each_adjustment_and_rate(collaboration, worked):
    labels = [row.label for row in sroi_report_for(collaboration=collaboration).sensitivity]
    assert len(labels) == 5


def test_report_leaves_out_other_collaborations(collaboration, other_collaboration, worked):
    assert sroi_report_for(collaboration=other_collaboration) is None


def test_report_query_count_does_not_grow_with_outcomes(collaboration, django_assert_num_queries):
    analysis = SroiAnalysisFactory(collaboration=collaboration)
    for _ in range(5):
        graded(SroiOutcomeFactory(analysis=analysis))
    with django_assert_num_queries(3):
        report = sroi_report_for(collaboration=collaboration)
    assert len(report.outcomes) == 5


def test_sroi_input_carries_fractions_and_kroner(collaboration):
    analysis = SroiAnalysisFactory(collaboration=collaboration, investment_nok=250000, discount_rate=Decimal("0.045"))
    SroiOutcomeFactory(analysis=analysis, quantity=10, proxy_value_nok=50000, deadweight=Decimal("0.2"))
    data = sroi_input_for(analysis=analysis)
    assert (data.investment_nok, data.discount_rate) == (250000.0, 0.045)
    assert (data.outcomes[0].quantity, data.outcomes[0].deadweight) == (10.0, 0.2)


def test_report_partial_writes_numbers_the_norwegian_way(collaboration, worked):
    html = render_to_string(
        "impact/partials/sroi_report.html", {"sroi_report": sroi_report_for(collaboration=collaboration)}
    )
    assert "1 : 4,00" in html
    assert "40\xa0000" in html
    assert "25 %" in html


def test_report_partial_shows_every_source(collaboration, worked):
    html = render_to_string(
        "impact/partials/sroi_report.html", {"sroi_report": sroi_report_for(collaboration=collaboration)}
    )
    assert html.count("Besøksloggen 2026") == 14
    assert "<script" not in html
