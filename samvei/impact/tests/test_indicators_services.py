"""Adding and changing indicators and measurements: what is refused, what is saved, and what the timeline says."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samvei.collaborations.models import CollaborationEvent
from samvei.impact.measurements_csv import measurements_import
from samvei.impact.models import Indicator, LogicModelEntry, Measurement
from samvei.impact.selectors.indicators import indicators_for
from samvei.impact.services import indicators as services

from .factories import IndicatorFactory, LogicModelEntryFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
FIELDS = {
    "name": "Besøk per uke",
    "unit": "besøk",
    "direction": Indicator.Direction.HIGHER,
    "data_source": "Besøksloggen",
    "baseline": Decimal("2"),
    "baseline_on": datetime.date(2026, 1, 1),
    "target": Decimal("10"),
    "target_on": datetime.date(2027, 1, 1),
}


def events(collaboration, kind):
    return list(CollaborationEvent.objects.filter(collaboration=collaboration, kind=kind))


# Indicators -----------------------------------------------------------------------------------------------


def test_an_indicator_is_added_with_its_fields(collaboration, body_member):
    indicator = services.indicator_add(collaboration=collaboration, actor=body_member, **FIELDS)

    indicator.refresh_from_db()
    assert (indicator.name, indicator.baseline, indicator.target) == ("Besøk per uke", Decimal(2), Decimal(10))


def test_adding_an_indicator_writes_the_timeline(collaboration, body_member):
    services.indicator_add(collaboration=collaboration, actor=body_member, **FIELDS)

    (event,) = events(collaboration, "indicator_added")
    assert event.data["name"] == "Besøk per uke"
    assert event.actor == body_member


def test_an_indicator_can_measure_an_outcome_of_its_collaboration(collaboration, partner_member):
    outcome = LogicModelEntryFactory(collaboration=collaboration)

    indicator = services.indicator_add(collaboration=collaboration, actor=partner_member, outcome=outcome, **FIELDS)

    assert indicator.outcome == outcome


def test_an_outcome_of_another_collaboration_is_refused(collaboration, other_collaboration, body_member):
    foreign = LogicModelEntryFactory(collaboration=other_collaboration)

    with pytest.raises(ValidationError) as caught:
        services.indicator_add(collaboration=collaboration, actor=body_member, outcome=foreign, **FIELDS)

    assert "outcome" in caught.value.error_dict
    assert not Indicator.objects.exists()


def test_a_resource_of_the_logic_model_is_refused_as_what_is_measured(collaboration, body_member):
    resource = LogicModelEntryFactory(collaboration=collaboration, level=LogicModelEntry.Level.RESOURCE)

    with pytest.raises(ValidationError):
        services.indicator_add(collaboration=collaboration, actor=body_member, outcome=resource, **FIELDS)

    assert not Indicator.objects.exists()


def test_a_name_over_the_limit_is_refused(collaboration, body_member):
    with pytest.raises(ValidationError):
        services.indicator_add(collaboration=collaboration, actor=body_member, **(FIELDS | {"name": "x" * 201}))

    assert not events(collaboration, "indicator_added")


def test_changing_an_indicator_saves_it_and_writes_the_timeline(collaboration, partner_member):
    indicator = IndicatorFactory(collaboration=collaboration)

    services.indicator_update(indicator=indicator, actor=partner_member, **(FIELDS | {"name": "Besøk per måned"}))

    indicator.refresh_from_db()
    assert indicator.name == "Besøk per måned"
    assert [event.data["name"] for event in events(collaboration, "indicator_changed")] == ["Besøk per måned"]


def test_an_unchanged_indicator_writes_no_event(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration, **FIELDS)

    services.indicator_update(indicator=indicator, actor=body_member, **FIELDS)

    assert not events(collaboration, "indicator_changed")


def test_changing_to_an_outcome_of_another_collaboration_is_refused(collaboration, other_collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)
    foreign = LogicModelEntryFactory(collaboration=other_collaboration)

    with pytest.raises(ValidationError):
        services.indicator_update(indicator=indicator, actor=body_member, outcome=foreign, **FIELDS)

    indicator.refresh_from_db()
    assert indicator.outcome is None


# One measurement ------------------------------------------------------------------------------------------


def test_a_measurement_is_saved_with_who_entered_it(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)

    services.measurement_add(indicator=indicator, actor=body_member, measured_on=TODAY, value=Decimal("3.5"))

    measurement = Measurement.objects.get()
    assert (measurement.value, measurement.entered_by) == (Decimal("3.5"), body_member)


def test_a_measurement_writes_the_timeline_with_a_count_of_one(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)

    services.measurement_add(indicator=indicator, actor=body_member, measured_on=TODAY, value=Decimal(4))

    (event,) = events(collaboration, "measurements_added")
    assert (event.data["name"], event.data["count"]) == (indicator.name, 1)


def test_a_second_value_for_the_same_day_is_refused(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)
    MeasurementFactory(indicator=indicator, measured_on=TODAY, value=Decimal(4))

    with pytest.raises(ValidationError) as caught:
        services.measurement_add(indicator=indicator, actor=body_member, measured_on=TODAY, value=Decimal(5))

    assert caught.value.error_dict["measured_on"][0].code == "duplicate"
    assert Measurement.objects.get().value == Decimal(4)


def test_a_future_date_is_refused(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)

    with pytest.raises(ValidationError) as caught:
        services.measurement_add(
            indicator=indicator, actor=body_member, measured_on=TODAY + datetime.timedelta(days=1), value=Decimal(4)
        )

    assert caught.value.error_dict["measured_on"][0].code == "future"
    assert not Measurement.objects.exists()


def test_a_note_over_the_limit_is_refused(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)

    with pytest.raises(ValidationError):
        services.measurement_add(
            indicator=indicator, actor=body_member, measured_on=TODAY, value=Decimal(4), note="x" * 2001
        )

    assert not Measurement.objects.exists()


# A file ---------------------------------------------------------------------------------------------------


def test_an_upload_saves_the_good_rows_and_reports_the_bad(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)
    data = b"dato;verdi;merknad\n01.03.2026;3,5;\n01.04.2026;tja;\n01.05.2026;5;bra\n"

    result = measurements_import(indicator=indicator, actor=body_member, data=data)

    assert result.saved == 2
    assert [rejection.position for rejection in result.rejected] == [3]
    assert sorted(Measurement.objects.values_list("value", flat=True)) == [Decimal("3.5"), Decimal(5)]


def test_an_upload_writes_one_event_with_the_count(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)

    measurements_import(indicator=indicator, actor=body_member, data=b"dato;verdi\n01.03.2026;3\n01.04.2026;4\n")

    (event,) = events(collaboration, "measurements_added")
    assert event.data["count"] == 2


def test_an_upload_rejects_days_already_measured(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2026, 3, 1), value=Decimal(9))

    result = measurements_import(indicator=indicator, actor=body_member, data=b"dato;verdi\n01.03.2026;3\n")

    assert (result.saved, len(result.rejected)) == (0, 1)
    assert Measurement.objects.get().value == Decimal(9)
    assert not events(collaboration, "measurements_added")


def test_a_day_measured_on_another_indicator_is_no_duplicate(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)
    MeasurementFactory(measured_on=datetime.date(2026, 3, 1))

    result = measurements_import(indicator=indicator, actor=body_member, data=b"dato;verdi\n01.03.2026;3\n")

    assert result.saved == 1


def test_a_refused_file_saves_nothing(collaboration, body_member):
    indicator = IndicatorFactory(collaboration=collaboration)

    with pytest.raises(ValidationError):
        measurements_import(indicator=indicator, actor=body_member, data=b"\x00\x01binary")

    assert not Measurement.objects.exists()
    assert not events(collaboration, "measurements_added")


# Selector -------------------------------------------------------------------------------------------------


def test_indicators_for_lists_only_this_collaborations_indicators(collaboration, other_collaboration):
    mine = IndicatorFactory(collaboration=collaboration)
    IndicatorFactory(collaboration=other_collaboration)

    assert indicators_for(collaboration=collaboration) == [mine]


def test_indicators_for_gives_the_latest_measurement(collaboration):
    indicator = IndicatorFactory(collaboration=collaboration)
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2026, 5, 1), value=Decimal(7))
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2026, 2, 1), value=Decimal(3))

    (found,) = indicators_for(collaboration=collaboration)

    assert found.latest.value == Decimal(7)


@pytest.mark.parametrize("count", [1, 5])
def test_indicators_for_uses_a_fixed_number_of_queries(collaboration, django_assert_max_num_queries, count):
    for _ in range(count):
        indicator = IndicatorFactory(
            collaboration=collaboration, outcome=LogicModelEntryFactory(collaboration=collaboration)
        )
        MeasurementFactory.create_batch(3, indicator=indicator)

    with django_assert_max_num_queries(2):
        for found in indicators_for(collaboration=collaboration):
            str(found.chart())
            assert found.outcome is not None
