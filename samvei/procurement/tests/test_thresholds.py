"""The thresholds are dated rows: the one in force on a day answers, with its source; a proposal never does."""

from datetime import date

import pytest

from samvei.core.models import Source
from samvei.procurement.models import Threshold
from samvei.procurement.reference_data import reference_data_sync
from samvei.procurement.selectors import newest_check, proposed_thresholds, threshold_for, thresholds_on

pytestmark = pytest.mark.django_db

MUNICIPAL_GOODS = {"kind": "eea", "buyer": "sub_central", "category": "goods_services"}


@pytest.mark.parametrize(
    ("day", "value"),
    [
        (date(2017, 1, 1), 1_750_000),
        (date(2018, 4, 5), 1_750_000),
        (date(2018, 4, 6), 2_000_000),
        (date(2022, 3, 23), 2_200_000),
        (date(2024, 3, 13), 2_200_000),
        (date(2024, 3, 14), 2_300_000),
        (date(2026, 12, 3), 2_300_000),
    ],
)
def test_the_municipal_eea_threshold_follows_its_dates(day, value):
    assert threshold_for(**MUNICIPAL_GOODS, day=day).value_nok == value


def test_a_row_for_every_buyer_applies_when_none_is_more_specific():
    works = threshold_for(kind="eea", buyer="state", category="works", day=date(2025, 1, 1))

    assert (works.buyer, works.value_nok) == ("any", 57_800_000)


def test_a_value_no_source_confirms_is_not_answered():
    assert threshold_for(kind="eea", buyer="state", category="goods_services", day=date(2017, 6, 1)) is None


def test_before_the_law_took_effect_nothing_is_in_force():
    assert not thresholds_on(day=date(2016, 12, 31)).exists()


def test_every_threshold_in_force_names_its_source_and_legal_basis():
    for row in thresholds_on(day=date(2026, 12, 3)):
        assert row.source.url.startswith("https://")
        assert row.legal_basis


def test_the_proposed_lower_limit_is_stored_but_never_in_force():
    proposal = proposed_thresholds().get()

    assert proposal.value_nok == 300_000
    assert threshold_for(kind="lower_limit", buyer="any", category="any", day=date(2026, 12, 3)).value_nok == 100_000


def test_on_any_day_since_2017_each_kind_has_at_most_one_row_per_buyer_and_category():
    for year in range(2017, 2027):
        for month in (1, 3, 4, 6, 12):
            rows = thresholds_on(day=date(year, month, 15))
            keys = [(row.kind, row.buyer, row.category) for row in rows]
            assert len(keys) == len(set(keys)), (year, month)


def test_a_newer_check_in_the_file_updates_a_row_and_an_older_one_does_not():
    row = Threshold.objects.get(key="national-2018")
    Threshold.objects.filter(pk=row.pk).update(value_nok=1, verified_on=date(2026, 12, 1))

    reference_data_sync()

    assert Threshold.objects.get(pk=row.pk).value_nok == 1  # staff's later correction stands
    Threshold.objects.filter(pk=row.pk).update(verified_on=date(2020, 1, 1))
    reference_data_sync()
    assert Threshold.objects.get(pk=row.pk).value_nok == 1_300_000


def test_the_newest_check_is_the_last_day_a_threshold_was_compared_with_its_source():
    assert newest_check() == date(2026, 11, 25)


def test_an_in_force_row_without_a_start_is_refused_by_the_database():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        Threshold.objects.create(
            key="x", kind="eea", value_nok=1, legal_basis="FOA § 5-3", source=Source.objects.first(),
            source_date=date(2024, 1, 1), verified_on=date(2024, 1, 1),
        )  # fmt: skip
