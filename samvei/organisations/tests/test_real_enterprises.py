"""The real enterprises carry the welfare areas and places their own sources state, each with its sources, so
that filters and search find them; where no source says, the field stays empty rather than guessed."""

import json

import pytest

from samvei.geography.models import Municipality
from samvei.organisations.demo_data import DEMO_DIR, demo_data_load
from samvei.organisations.models import Organisation
from samvei.organisations.selectors import OrganisationFilters, organisation_list
from samvei.search.selectors import search
from samvei.search.services import rebuild_index

RECORDS = [json.loads(line) for line in (DEMO_DIR / "real-enterprises.jsonl").read_text(encoding="utf-8").splitlines()]
VESTLAND = "46"
# The compiled sources describe no welfare area for these; see ../shared/data/social-enterprises.jsonl.
NO_AREA_IN_SOURCES = {"lifeness", "gammel-nok", "dyrebar-omsorg", "gatemagasinet-asfalt", "ideelt"}


def test_every_welfare_area_and_place_names_its_sources():
    for record in RECORDS:
        assert bool(record["welfare_areas"]) == bool(record["welfare_areas_sources"]), record["slug"]
        has_place = bool(record["municipalities"] or record["counties"] or record["national"])
        assert has_place == bool(record["places_sources"]), record["slug"]


def test_only_the_entries_whose_sources_name_no_area_are_without_one():
    assert {record["slug"] for record in RECORDS if not record["welfare_areas"]} == NO_AREA_IN_SOURCES


@pytest.fixture
def demo(db):
    demo_data_load()
    rebuild_index(kinds=["organisation"])


def _real(organisations):
    return {o.slug for o in organisations if not o.is_example}


def test_real_entries_carry_their_areas_and_places_once_loaded(demo):
    real = Organisation.objects.filter(slug__in=[r["slug"] for r in RECORDS])

    assert real.count() == len(RECORDS)
    assert not real.filter(is_example=True).exists()
    assert real.filter(welfare_areas__isnull=False).distinct().count() == len(RECORDS) - len(NO_AREA_IN_SOURCES)
    assert set(Organisation.objects.get(slug="generasjon-m").municipalities.values_list("number", flat=True)) >= {
        "3103",
        "0301",
    }


def test_dropout_work_finds_the_real_entries_the_sources_give_that_area(demo):
    expected = {r["slug"] for r in RECORDS if "school-dropout" in r["welfare_areas"]}

    found = _real(organisation_list(filters=OrganisationFilters(welfare_area="school-dropout")))

    assert found == expected
    assert "kjor-for-livet" in found  # «barn og unge som har problemer med å følge opp skolen» (press release)


def test_dropout_work_in_vestland_finds_every_real_entry_the_sources_place_there(demo):
    vestland = set(Municipality.objects.filter(county__number=VESTLAND).values_list("number", flat=True))
    expected = {
        r["slug"]
        for r in RECORDS
        if "school-dropout" in r["welfare_areas"]
        and (r["national"] or VESTLAND in r["counties"] or vestland & set(r["municipalities"]))
    }

    found = _real(organisation_list(filters=OrganisationFilters(welfare_area="school-dropout", county=VESTLAND)))

    # No source read so far places a real dropout enterprise in Vestland; the filter shows exactly what they say.
    assert found == expected


def test_vestland_finds_the_real_enterprise_from_voss(demo):
    found = _real(organisation_list(filters=OrganisationFilters(county=VESTLAND)))

    assert "friskus" in found


def test_searching_for_frafall_finds_real_enterprises_by_their_area(demo):
    titles = {hit.title for hit in search(query="frafall", kind="organisation", limit=50).hits}

    assert {"Kjør for livet", "Pøbelprosjektet", "Intempo"} <= titles
