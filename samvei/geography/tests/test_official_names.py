import csv
from datetime import date

import pytest

from samvei.core.sources import sources_sync
from samvei.geography.models import County, Municipality, PlaceName, names_in_force
from samvei.geography.official_names import COLUMNS, NAMES_FILE, OfficialNamesError, official_names_sync
from samvei.geography.reference_data import SOURCES_FILE, reference_data_sync
from samvei.geography.selectors import municipality_search

pytestmark = pytest.mark.django_db

KARTVERKET_22 = {
    "1826", "1841", "1853", "1870", "1875", "5001", "5007", "5025", "5041", "5043", "5503",
    "5512", "5518", "5538", "5540", "5544", "5603", "5610", "5612", "5622", "5628", "5636",
}  # fmt: skip


def _languages(number):
    return [(n.name, n.language) for n in Municipality.objects.get(number=number).official_names]


def _sources():
    return sources_sync(path=SOURCES_FILE)


def _write(tmp_path, **overrides):
    row = {
        "unit": "municipality",
        "number": "5001",
        "name": "Tråante",
        "language": "sma",
        "language_verified": "false",
        "valid_from": "",
        "source_key": "kartverket-bilingual-municipalities-secondary",
        "source_date": "",
        "checked_on": "2026-12-02",
        "note": "",
    } | overrides
    path = tmp_path / "official-names.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    return path


def test_every_municipality_and_county_has_its_norwegian_name_as_a_row():
    norwegian = PlaceName.objects.filter(language=PlaceName.Language.NORWEGIAN)

    assert norwegian.filter(municipality__isnull=False).count() == 357
    assert norwegian.filter(county__isnull=False).count() == 15


def test_the_22_municipalities_kartverket_lists_have_more_than_one_official_name():
    numbers = set(
        PlaceName.objects.filter(source__key="kartverket-bilingual-municipalities-secondary").values_list(
            "municipality__number", flat=True
        )
    )

    assert numbers == KARTVERKET_22


def test_a_trilingual_municipality_has_one_row_per_language():
    assert _languages("5540") == [("Kåfjord", "no"), ("Gáivuotna", "se"), ("Kaivuono", "fkv")]
    assert _languages("5622") == [("Porsanger", "no"), ("Porsáŋgu", "se"), ("Porsanki", "fkv")]


def test_the_2026_renames_are_in_force_from_1_january_2026():
    lyngen = Municipality.objects.get(number="5536")

    assert [(n.name, n.language, n.valid_from) for n in lyngen.other_names] == [
        ("Ivgu", "se", date(2026, 1, 1)),
        ("Yykeä", "fkv", date(2026, 1, 1)),
    ]
    assert names_in_force(lyngen.names.all(), day=date(2025, 12, 31)) == [lyngen.names.get(language="no")]


def test_county_names_are_rows_too():
    troms = County.objects.get(number="55")

    assert [(n.name, n.language) for n in troms.official_names] == [
        ("Troms", "no"),
        ("Romsa", "se"),
        ("Tromssa", "fkv"),
    ]


def test_every_name_from_the_file_carries_a_secondary_source_and_a_checked_date():
    from_file = PlaceName.objects.exclude(language=PlaceName.Language.NORWEGIAN)

    assert from_file.count() == sum(1 for _ in NAMES_FILE.open(encoding="utf-8")) - 1
    assert not from_file.filter(checked_on__isnull=True).exists()
    assert set(from_file.values_list("source__key", flat=True)) <= {
        "kartverket-bilingual-municipalities-secondary",
        "ssb-klass-131-2026-secondary",
        "ssb-county-labels-2026-secondary",
    }
    assert set(from_file.filter(source__key__startswith="ssb").values_list("source_date", flat=True)) == {
        date(2026, 1, 1)
    }


def test_a_language_derived_from_the_sami_area_is_marked_unverified():
    trondheim = PlaceName.objects.get(name="Tråante")

    assert trondheim.language == PlaceName.Language.SOUTH_SAMI
    assert trondheim.language_verified is False


def test_sync_of_names_is_idempotent():
    reference_data_sync()

    result = official_names_sync(sources=_sources())

    assert (result.created, result.updated, result.deleted) == (0, 0, 0)


def test_sync_restores_a_deleted_name_and_removes_a_name_the_file_does_not_hold():
    PlaceName.objects.filter(name="Tråante").delete()
    stray = PlaceName.objects.create(
        municipality=Municipality.objects.get(number="5001"),
        name="Gjettet navn",
        language=PlaceName.Language.NORTH_SAMI,
        source=PlaceName.objects.first().source,
    )

    result = official_names_sync(sources=_sources())

    assert PlaceName.objects.filter(name="Tråante").exists()
    assert not PlaceName.objects.filter(pk=stray.pk).exists()
    assert (result.created, result.deleted) == (1, 1)


def test_sync_follows_a_renamed_municipality():
    Municipality.objects.filter(number="5001").update(name="Nidaros")

    official_names_sync(sources=_sources())

    assert _languages("5001")[0] == ("Nidaros", "no")
    assert not PlaceName.objects.filter(name="Trondheim").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"language": "sme"}, "language «sme» is not one of"),
        ({"language": "no"}, "the Norwegian name comes from the municipality or county file"),
        ({"number": "9999"}, "there is no municipality with number «9999»"),
        ({"unit": "fylke"}, "unit «fylke» must be «municipality» or «county»"),
        ({"name": ""}, "the name must have 1 to 100 characters"),
        ({"language_verified": "ja"}, "language_verified must be «true» or «false»"),
        ({"source_key": "wikipedia"}, "source «wikipedia» is not in sources.json"),
        ({"checked_on": ""}, "checked_on is required"),
        ({"valid_from": "1.1.2026"}, "valid_from «1.1.2026» is not a date"),
    ],
)
def test_loader_refuses_an_invalid_row_with_a_clear_message(tmp_path, overrides, message):
    path = _write(tmp_path, **overrides)
    before = PlaceName.objects.count()

    with pytest.raises(OfficialNamesError, match=message) as error:
        official_names_sync(sources=_sources(), path=path)

    assert str(error.value).startswith("official-names.csv line 2: ")
    assert PlaceName.objects.count() == before


def test_loader_refuses_a_name_listed_twice(tmp_path):
    path = _write(tmp_path)
    with path.open("a", encoding="utf-8") as file:
        file.write(path.read_text(encoding="utf-8").splitlines()[1] + "\n")

    with pytest.raises(OfficialNamesError, match="line 3: «Tråante» \\(sma\\) is listed twice"):
        official_names_sync(sources=_sources(), path=path)


def test_municipality_filter_finds_a_municipality_by_its_sami_or_kven_name():
    assert [m.name for m in municipality_search(name="tråante")] == ["Trondheim"]
    assert [m.name for m in municipality_search(name="Kaivuono")] == ["Kåfjord"]
