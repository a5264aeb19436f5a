"""The SROI services on the record: every refusal leaves nothing stored, and every number keeps its evidence."""

from dataclasses import replace
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from samvei.collaborations.models import CollaborationEvent
from samvei.impact.models import Assumption, Evidence, SroiAnalysis, SroiOutcome
from samvei.impact.services import sroi as services
from samvei.impact.services.sroi import AssumptionData, OutcomeData

from .factories import (
    AssumptionFactory,
    FinancialProxyFactory,
    IndicatorFactory,
    PriceIndexFactory,
    SroiAnalysisFactory,
    SroiOutcomeFactory,
    StakeholderFactory,
)

SUBJECTS = Assumption.Subject.values


def evidence(**overrides):
    grades = {subject: AssumptionData(evidence=Evidence.MEASURED, source="Besøksloggen") for subject in SUBJECTS}
    return grades | overrides


def outcome_data(**overrides):
    data = OutcomeData(
        name="Færre innleggelser",
        quantity=Decimal(10),
        proxy_value_nok=Decimal(50000),
        deadweight=Decimal("0.2"),
        displacement=Decimal(0),
        attribution=Decimal("0.3"),
        drop_off=Decimal("0.5"),
        duration_years=3,
        assumptions=evidence(),
    )
    return replace(data, **overrides)


@pytest.fixture
def analysis(collaboration):
    return SroiAnalysisFactory(collaboration=collaboration)


def _save(collaboration, actor, **overrides):
    arguments = {"investment_nok": Decimal(500000), "investment_note": "Lønn", "discount_rate": Decimal("0.04")}
    return services.analysis_save(collaboration=collaboration, actor=actor, **(arguments | overrides))


def test_analysis_save_creates_analysis(collaboration, body_member):
    analysis = _save(collaboration, body_member, discount_rate=Decimal("0.045"))
    assert (analysis.investment_nok, analysis.discount_rate) == (Decimal(500000), Decimal("0.045"))


def test_analysis_save_updates_the_one_analysis(collaboration, body_member, analysis):
    _save(collaboration, body_member, investment_nok=Decimal(750000))
    assert SroiAnalysis.objects.get().investment_nok == Decimal(750000)


def test_analysis_save_writes_timeline_row(collaboration, partner_member):
    _save(collaboration, partner_member)
    assert CollaborationEvent.objects.filter(collaboration=collaboration, kind="sroi_saved").count() == 1


@pytest.mark.parametrize("investment", [Decimal(0), Decimal(-1)])
def test_analysis_save_refuses_investment_not_above_zero(collaboration, body_member, investment):
    with pytest.raises(ValidationError) as refusal:
        _save(collaboration, body_member, investment_nok=investment)
    assert "investment_nok" in refusal.value.error_dict
    assert not SroiAnalysis.objects.exists()


@pytest.mark.parametrize("rate", [Decimal(1), Decimal("-0.01")])
def test_analysis_save_refuses_rate_outside_zero_to_hundred(collaboration, body_member, rate):
    with pytest.raises(ValidationError) as refusal:
        _save(collaboration, body_member, discount_rate=rate)
    assert "discount_rate" in refusal.value.error_dict
    assert not SroiAnalysis.objects.exists()


def test_analysis_refusal_leaves_existing_analysis_unchanged(collaboration, body_member, analysis):
    with pytest.raises(ValidationError):
        _save(collaboration, body_member, investment_nok=Decimal(0))
    assert SroiAnalysis.objects.get().investment_nok == analysis.investment_nok
    assert not CollaborationEvent.objects.filter(kind="sroi_saved").exists()


def test_outcome_add_stores_outcome_and_seven_assumptions(analysis, body_member):
    outcome = services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data())
    assert outcome.assumptions.count() == 7
    assert sorted(outcome.assumptions.values_list("subject", flat=True)) == sorted(SUBJECTS)


def test_outcome_add_writes_timeline_row_with_name(analysis, body_member):
    services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(name="Færre fall"))
    assert CollaborationEvent.objects.get(kind="sroi_outcome_added").data["name"] == "Færre fall"


@pytest.mark.parametrize("subject", SUBJECTS)
def test_outcome_add_refuses_missing_evidence_grade(analysis, body_member, subject):
    grades = evidence(**{subject: AssumptionData(evidence="", source="Loggen")})
    with pytest.raises(ValidationError) as refusal:
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(assumptions=grades))
    assert f"{subject}_evidence" in refusal.value.error_dict
    assert not SroiOutcome.objects.exists()


@pytest.mark.parametrize("subject", SUBJECTS)
def test_outcome_add_refuses_missing_source(analysis, body_member, subject):
    grades = evidence(**{subject: AssumptionData(evidence=Evidence.ESTIMATE, source="  ")})
    with pytest.raises(ValidationError) as refusal:
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(assumptions=grades))
    assert f"{subject}_source" in refusal.value.error_dict
    assert not SroiOutcome.objects.exists()


@pytest.mark.parametrize("subject", SUBJECTS)
def test_outcome_add_refuses_absent_assumption(analysis, body_member, subject):
    grades = {key: value for key, value in evidence().items() if key != subject}
    with pytest.raises(ValidationError):
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(assumptions=grades))
    assert not Assumption.objects.exists()


def test_outcome_add_refuses_source_over_limit(analysis, body_member):
    grades = evidence(quantity=AssumptionData(evidence=Evidence.MEASURED, source="x" * 2001))
    with pytest.raises(ValidationError):
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(assumptions=grades))
    assert not SroiOutcome.objects.exists()


def test_outcome_add_refuses_unknown_grade(analysis, body_member):
    grades = evidence(drop_off=AssumptionData(evidence="hunch", source="Magefølelse"))
    with pytest.raises(ValidationError):
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(assumptions=grades))
    assert not SroiOutcome.objects.exists()


@pytest.mark.parametrize("share", ["deadweight", "displacement", "attribution", "drop_off"])
def test_outcome_add_refuses_adjustment_over_hundred_percent(analysis, body_member, share):
    with pytest.raises(ValidationError) as refusal:
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(**{share: Decimal("1.01")}))
    assert share in refusal.value.error_dict
    assert not SroiOutcome.objects.exists()


def test_outcome_add_refuses_negative_adjustment(analysis, body_member):
    with pytest.raises(ValidationError):
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(deadweight=Decimal("-0.01")))
    assert not SroiOutcome.objects.exists()


@pytest.mark.parametrize("years", [0, 51])
def test_outcome_add_refuses_duration_outside_one_to_fifty(analysis, body_member, years):
    with pytest.raises(ValidationError) as refusal:
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(duration_years=years))
    assert "duration_years" in refusal.value.error_dict
    assert not SroiOutcome.objects.exists()


def test_outcome_add_refuses_negative_quantity(analysis, body_member):
    with pytest.raises(ValidationError):
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(quantity=Decimal(-1)))
    assert not SroiOutcome.objects.exists()


def test_outcome_add_refuses_stakeholder_of_other_collaboration(analysis, body_member, other_collaboration):
    foreign = StakeholderFactory(collaboration=other_collaboration)
    with pytest.raises(ValidationError) as refusal:
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(stakeholder=foreign))
    assert "stakeholder" in refusal.value.error_dict
    assert not SroiOutcome.objects.exists()


def test_outcome_add_refuses_indicator_of_other_collaboration(analysis, body_member, other_collaboration):
    foreign = IndicatorFactory(collaboration=other_collaboration)
    with pytest.raises(ValidationError) as refusal:
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(indicator=foreign))
    assert "indicator" in refusal.value.error_dict
    assert not SroiOutcome.objects.exists()


def test_outcome_add_takes_own_stakeholder_and_indicator(analysis, body_member, collaboration):
    stakeholder, indicator = (
        StakeholderFactory(collaboration=collaboration),
        IndicatorFactory(collaboration=collaboration),
    )
    outcome = services.outcome_add(
        analysis=analysis, actor=body_member, data=outcome_data(stakeholder=stakeholder, indicator=indicator)
    )
    assert (outcome.stakeholder, outcome.indicator) == (stakeholder, indicator)


def test_outcome_add_takes_proxy_value_in_newest_kroner(analysis, body_member):
    PriceIndexFactory(year=2015, value=Decimal(100))
    PriceIndexFactory(year=2025, value=Decimal(135))
    proxy = FinancialProxyFactory(value_nok=Decimal(400000), year=2015)
    outcome = services.outcome_add(
        analysis=analysis, actor=body_member, data=outcome_data(proxy=proxy, proxy_value_nok=None)
    )
    assert outcome.proxy_value_nok == Decimal(540000)


def test_outcome_add_keeps_entered_value_over_proxy(analysis, body_member):
    PriceIndexFactory(year=2015, value=Decimal(100))
    proxy = FinancialProxyFactory(year=2015)
    outcome = services.outcome_add(
        analysis=analysis, actor=body_member, data=outcome_data(proxy=proxy, proxy_value_nok=Decimal(1234))
    )
    assert outcome.proxy_value_nok == Decimal(1234)


def test_outcome_add_refuses_proxy_whose_year_has_no_index(analysis, body_member):
    PriceIndexFactory(year=2020, value=Decimal(110))
    proxy = FinancialProxyFactory(year=2009)
    with pytest.raises(ValidationError) as refusal:
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(proxy=proxy, proxy_value_nok=None))
    assert "2009" in str(refusal.value.error_dict["proxy_value_nok"])
    assert not SroiOutcome.objects.exists()


def test_outcome_add_refuses_no_value_and_no_proxy(analysis, body_member):
    with pytest.raises(ValidationError) as refusal:
        services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data(proxy_value_nok=None))
    assert "proxy_value_nok" in refusal.value.error_dict


def test_outcome_change_replaces_numbers_and_evidence(analysis, body_member):
    outcome = services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data())
    grades = evidence(attribution=AssumptionData(evidence=Evidence.ESTIMATE, source="Anslag fra styringsgruppen"))
    services.outcome_change(
        outcome=outcome, actor=body_member, data=outcome_data(attribution=Decimal("0.5"), assumptions=grades)
    )
    outcome.refresh_from_db()
    assert outcome.attribution == Decimal("0.5")
    assert outcome.assumptions.get(subject="attribution").evidence == Evidence.ESTIMATE


def test_outcome_change_writes_timeline_row(analysis, body_member):
    outcome = services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data())
    services.outcome_change(outcome=outcome, actor=body_member, data=outcome_data(name="Nytt navn"))
    assert CollaborationEvent.objects.get(kind="sroi_outcome_changed").data["name"] == "Nytt navn"


def test_outcome_change_refusal_keeps_stored_outcome(analysis, body_member):
    outcome = services.outcome_add(analysis=analysis, actor=body_member, data=outcome_data())
    grades = evidence(quantity=AssumptionData(evidence=Evidence.MEASURED, source=""))
    with pytest.raises(ValidationError):
        services.outcome_change(
            outcome=outcome, actor=body_member, data=outcome_data(duration_years=9, assumptions=grades)
        )
    stored = SroiOutcome.objects.get()
    assert stored.duration_years == 3
    assert stored.assumptions.get(subject="quantity").source == "Besøksloggen"


def test_outcome_remove_deletes_with_assumptions_and_records(analysis, body_member):
    outcome = SroiOutcomeFactory(analysis=analysis, name="Færre fall")
    AssumptionFactory(outcome=outcome)
    services.outcome_remove(outcome=outcome, actor=body_member)
    assert not Assumption.objects.exists()
    assert CollaborationEvent.objects.get(kind="sroi_outcome_removed").data["name"] == "Færre fall"
