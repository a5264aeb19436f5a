"""The data files are loaded after migrate; a newer file updates a row, an older one never undoes staff's work."""

import datetime
import json
from decimal import Decimal

import pytest

from samvei.impact import reference_data
from samvei.impact.models import FinancialProxy, PriceIndex
from samvei.impact.reference_data import reference_data_sync, secondary_source_keys

pytestmark = pytest.mark.django_db

VISTA = "marginalisert-ungdom-personar"


def _file_with(tmp_path, monkeypatch, *, verified_on: str, value_nok: str) -> None:
    entries = json.loads(reference_data.PROXIES_FILE.read_text(encoding="utf-8"))
    for entry in entries:
        if entry["key"] == VISTA:
            entry["verified_on"] = verified_on
            entry["value_nok"] = value_nok
    path = tmp_path / "proxies.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    monkeypatch.setattr(reference_data, "PROXIES_FILE", path)


def test_every_proxy_in_the_file_is_a_row_after_migrate():
    keys = {entry["key"] for entry in json.loads(reference_data.PROXIES_FILE.read_text(encoding="utf-8"))}
    assert set(FinancialProxy.objects.values_list("key", flat=True)) >= keys


def test_every_proxy_row_from_the_file_has_a_source_with_an_address():
    assert not FinancialProxy.objects.filter(source__url="").exists()


def test_the_base_year_of_the_index_is_a_row_after_migrate():
    assert PriceIndex.objects.get(year=2015).value == Decimal("100.00")


def test_a_missing_row_is_created_again():
    FinancialProxy.objects.filter(key=VISTA).delete()
    counts = reference_data_sync()
    assert counts["proxies_created"] == 1
    assert FinancialProxy.objects.get(key=VISTA).value_nok == Decimal("400000")


def test_a_newer_file_updates_the_row(tmp_path, monkeypatch):
    _file_with(tmp_path, monkeypatch, verified_on="2099-01-01", value_nok="450000")
    counts = reference_data_sync()
    assert counts["proxies_updated"] == 1
    assert FinancialProxy.objects.get(key=VISTA).value_nok == Decimal("450000")


def test_a_file_no_newer_than_the_row_changes_nothing(tmp_path, monkeypatch):
    _file_with(tmp_path, monkeypatch, verified_on="2026-12-03", value_nok="450000")
    counts = reference_data_sync()
    assert counts["proxies_updated"] == 0
    assert FinancialProxy.objects.get(key=VISTA).value_nok == Decimal("400000")


def test_a_staff_correction_checked_later_than_the_file_stands():
    FinancialProxy.objects.filter(key=VISTA).update(value_nok=Decimal("410000"), verified_on=datetime.date(2027, 1, 15))
    reference_data_sync()
    assert FinancialProxy.objects.get(key=VISTA).value_nok == Decimal("410000")


def test_a_staff_correction_of_the_index_stands():
    PriceIndex.objects.filter(year=2015).update(value=Decimal("100.10"), verified_on=datetime.date(2027, 1, 15))
    reference_data_sync()
    assert PriceIndex.objects.get(year=2015).value == Decimal("100.10")


def test_the_sources_that_repeat_others_are_marked_secondary():
    assert secondary_source_keys() == {
        "aftenposten-alle-skal-med-2019",
        "tv2-frafall-grunnskolen-2023",
        "fin-r109-2021",
    }
