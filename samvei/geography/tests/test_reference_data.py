import pytest

from samvei.geography.models import County, Municipality
from samvei.geography.reference_data import reference_data_sync

pytestmark = pytest.mark.django_db


def test_migrate_loads_all_357_municipalities_and_15_counties():
    assert Municipality.objects.count() == 357
    assert County.objects.count() == 15


def test_every_county_number_is_the_first_two_digits_of_its_municipalities():
    for municipality in Municipality.objects.select_related("county"):
        assert municipality.number[:2] == municipality.county.number


def test_municipality_keeps_norwegian_name_and_sami_name_separately():
    karasjok = Municipality.objects.get(number="5610")

    assert karasjok.name == "Karasjok"
    assert [name.name for name in karasjok.other_names] == ["Kárášjohka"]


def test_municipality_facts_come_from_the_file():
    stavanger = Municipality.objects.get(number="1103")

    assert stavanger.county.name == "Rogaland"
    assert stavanger.population == 149048
    assert stavanger.written_language == Municipality.WrittenLanguage.NEUTRAL
    assert stavanger.website == "https://www.stavanger.kommune.no"
    assert stavanger.source.licence == "MIT"


def test_sync_is_idempotent():
    result = reference_data_sync()

    assert result.created == 0
    assert result.updated == 0


def test_sync_restores_a_changed_fact():
    Municipality.objects.filter(number="1103").update(population=1)

    result = reference_data_sync()

    assert Municipality.objects.get(number="1103").population == 149048
    assert result.updated == 1
