"""The content review of 2026-12-02 (§1 F, §2): demo profiles do not teach wrong procurement law or old diagnosis
terms, they agree with the cookbook's cases, and an installation loaded from the earlier files is corrected."""

import json
from pathlib import Path

import pytest

from samvei.cookbook.tests.test_legal_citations import _literals
from samvei.organisations.demo_data import demo_data_load
from samvei.organisations.models import Organisation
from samvei.taxonomy.models import WelfareArea
from samvei.taxonomy.reference_data import taxonomy_sync

DEMO = Path(__file__).resolve().parents[1] / "data" / "demo"
OLD_UNICUS = (
    "Selskap der de ansatte har Asperger syndrom; del av Ferd SEs portefølje og nådde målet om økonomisk bærekraft "
    "i 2013."
)


def _profile(name: str, slug: str) -> dict:
    with (DEMO / name).open(encoding="utf-8") as file:
        return next(record for line in file if line.strip() and (record := json.loads(line))["slug"] == slug)


def _texts(record: dict) -> str:
    return " ".join(record.get(name) or "" for name in ("description", "mission", "services"))


def test_the_tuftebyggjarane_profile_does_not_say_larger_orders_can_be_placed_directly():
    services = _profile("example-enterprises.jsonl", "eksempel-tuftebyggjarane")["services"]

    assert "Større bestillingar" not in services
    assert "anskaffingsregelverket gjeld for alle kjøp" in services
    assert "konkurranseutsetje" in services


def test_the_tuftebyggjarane_profile_types_no_threshold_figure():
    assert _literals(_texts(_profile("example-enterprises.jsonl", "eksempel-tuftebyggjarane"))) == []


def test_the_unicus_profile_uses_current_diagnosis_terms():
    description = _profile("real-enterprises.jsonl", "unicus")["description"]

    assert "Asperger" not in description
    assert "autismespekteret" in description


def test_the_unicus_profile_says_it_merged_with_auticon_and_cites_ferd():
    unicus = _profile("real-enterprises.jsonl", "unicus")

    assert "I 2023 slo Unicus seg sammen med auticon" in unicus["description"]
    assert "https://aarsrapport2023.ferd.no/en/social-entrepreneurs/" in unicus["source_urls"]


def test_the_tillitsperson_profile_names_both_names_of_the_organisation():
    description = _profile("real-enterprises.jsonl", "tillitsperson")["description"]

    assert "Kirkens Bymisjon i Stavanger" in description
    assert "Kirkens Bymisjon Rogaland" in description


def test_no_demo_profile_writes_nav_in_capitals():
    found = []
    for name in ("example-enterprises.jsonl", "real-enterprises.jsonl"):
        with (DEMO / name).open(encoding="utf-8") as file:
            records = [json.loads(line) for line in file if line.strip()]
        found += [record["slug"] for record in records if " NAV" in f" {_texts(record)}" or "NAV-" in _texts(record)]

    assert found == []


@pytest.mark.django_db
def test_loading_again_corrects_an_unclaimed_profile_that_still_holds_the_old_text():
    demo_data_load()
    Organisation.objects.filter(slug="unicus").update(description=OLD_UNICUS)

    demo_data_load()

    assert "Asperger" not in Organisation.objects.get(slug="unicus").description


@pytest.mark.django_db
def test_syncing_the_taxonomy_renames_substance_abuse_to_substance_use():
    WelfareArea.objects.filter(code="substance-abuse").update(name_en="Substance abuse")

    taxonomy_sync()

    assert WelfareArea.objects.get(code="substance-abuse").name_en == "Substance use"


@pytest.mark.django_db
def test_the_municipality_page_says_the_population_figure_has_no_date_from_its_source(client):
    page = client.get("/kommuner/1103/").content.decode()

    assert "kilden oppgir ikke hvilken dato tallet gjelder" in page
