import datetime
from decimal import Decimal

import factory

from samvei.collaborations.tests.factories import DirectCollaborationFactory
from samvei.core.tests.factories import SourceFactory
from samvei.impact.models import (
    Assumption,
    Evidence,
    FinancialProxy,
    Indicator,
    LogicModelEntry,
    Measurement,
    PriceIndex,
    SroiAnalysis,
    SroiOutcome,
    Stakeholder,
)


class StakeholderFactory(factory.django.DjangoModelFactory[Stakeholder]):
    class Meta:
        model = Stakeholder

    collaboration = factory.SubFactory(DirectCollaborationFactory)
    name = factory.Sequence(lambda n: f"Beboere {n}")
    involvement = "Intervju før og etter"


class LogicModelEntryFactory(factory.django.DjangoModelFactory[LogicModelEntry]):
    class Meta:
        model = LogicModelEntry

    collaboration = factory.SubFactory(DirectCollaborationFactory)
    level = LogicModelEntry.Level.OUTCOME
    text = factory.Sequence(lambda n: f"Mindre ensomhet {n}")


class IndicatorFactory(factory.django.DjangoModelFactory[Indicator]):
    class Meta:
        model = Indicator

    collaboration = factory.SubFactory(DirectCollaborationFactory)
    name = factory.Sequence(lambda n: f"Besøk per uke {n}")
    unit = "besøk"
    direction = Indicator.Direction.HIGHER
    baseline = Decimal("2")
    baseline_on = datetime.date(2026, 1, 1)
    target = Decimal("10")
    target_on = datetime.date(2027, 1, 1)
    data_source = "Besøksloggen"


class MeasurementFactory(factory.django.DjangoModelFactory[Measurement]):
    class Meta:
        model = Measurement

    indicator = factory.SubFactory(IndicatorFactory)
    measured_on = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=30 * n))
    value = Decimal("4")


class PriceIndexFactory(factory.django.DjangoModelFactory[PriceIndex]):
    class Meta:
        model = PriceIndex
        django_get_or_create = ("year",)

    year = 2015
    value = Decimal("100")
    source = factory.SubFactory(SourceFactory)
    verified_on = datetime.date(2026, 12, 3)


class FinancialProxyFactory(factory.django.DjangoModelFactory[FinancialProxy]):
    class Meta:
        model = FinancialProxy

    key = factory.Sequence(lambda n: f"test-proxy-{n}")
    name_nb = factory.Sequence(lambda n: f"Testkostnad {n}")
    value_nok = Decimal("400000")
    unit_nb = "per person per år"
    year = 2015
    source = factory.SubFactory(SourceFactory)
    source_date = datetime.date(2015, 6, 1)
    verified_on = datetime.date(2026, 12, 3)
    verified = True


class SroiAnalysisFactory(factory.django.DjangoModelFactory[SroiAnalysis]):
    class Meta:
        model = SroiAnalysis

    collaboration = factory.SubFactory(DirectCollaborationFactory)
    investment_nok = Decimal("1000000")
    discount_rate = Decimal("0.04")


class SroiOutcomeFactory(factory.django.DjangoModelFactory[SroiOutcome]):
    class Meta:
        model = SroiOutcome

    analysis = factory.SubFactory(SroiAnalysisFactory)
    name = factory.Sequence(lambda n: f"Færre innleggelser {n}")
    quantity = Decimal("10")
    proxy_value_nok = Decimal("50000")
    deadweight = Decimal("0.2")
    displacement = Decimal("0")
    attribution = Decimal("0.3")
    drop_off = Decimal("0.5")
    duration_years = 3


class AssumptionFactory(factory.django.DjangoModelFactory[Assumption]):
    class Meta:
        model = Assumption

    outcome = factory.SubFactory(SroiOutcomeFactory)
    subject = Assumption.Subject.QUANTITY
    evidence = Evidence.MEASURED
    source = "Besøksloggen 2026"
