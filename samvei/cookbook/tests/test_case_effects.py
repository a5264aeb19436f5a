import datetime
import json

import pytest

from samvei.cookbook.case_effects import case_effects_sync
from samvei.cookbook.content_data import DATA_DIR
from samvei.cookbook.models import Case, CaseEffect

from .factories import CaseFactory

SHIPPED = json.loads((DATA_DIR / "cases.json").read_text(encoding="utf-8"))


def _record(slug, *, checked_on, figure="10 deltakere"):
    return {
        "slug": slug,
        "effects": [
            {
                "text_nb": "Ti deltakere fullførte.",
                "figure": figure,
                "evidence": "self_reported",
                "source_url": "https://example.no/rapport",
                "source_title": "Årsrapport",
                "source_date": "2025-12-31",
                "checked_on": checked_on,
            }
        ],
    }


@pytest.mark.parametrize("effect", [e for case in SHIPPED for e in case.get("effects", [])], ids=str)
def test_every_shipped_effect_says_who_stands_behind_it_and_names_its_source(effect):
    assert effect["evidence"] in CaseEffect.Evidence.values
    assert effect["source_url"].startswith("http")
    assert effect["source_title"]
    assert {"source_date", "checked_on"} <= effect.keys()


def test_the_kjor_for_livet_social_value_is_shown_as_the_enterprises_own_figure():
    case = next(case for case in SHIPPED if case["slug"] == "kjor-for-livet")
    effect = next(effect for effect in case["effects"] if "310" in effect["figure"])

    assert effect["evidence"] == "self_reported"
    assert "ikke DNV GLs tall" in effect["text_nb"]
    assert "over fem år" not in effect["text_nb"]


@pytest.mark.django_db
def test_effects_checked_more_recently_in_the_file_replace_older_ones():
    case = CaseFactory(slug="eksempel")
    CaseEffect.objects.create(case=case, text_nb="Gammelt tall", source_url="https://example.no/")

    assert case_effects_sync(records=[_record("eksempel", checked_on="2026-12-01")]) == 1

    effect = case.effects.get()
    assert (effect.text_nb, effect.checked_on) == ("Ti deltakere fullførte.", datetime.date(2026, 12, 1))
    assert effect.source_date == datetime.date(2025, 12, 31)


@pytest.mark.django_db
def test_an_effect_staff_checked_later_than_the_file_stands():
    case = CaseFactory(slug="eksempel")
    CaseEffect.objects.create(
        case=case,
        text_nb="Rettet av redaksjonen",
        source_url="https://example.no/",
        checked_on=datetime.date(2026, 12, 5),
    )

    assert case_effects_sync(records=[_record("eksempel", checked_on="2026-12-01")]) == 0
    assert case.effects.get().text_nb == "Rettet av redaksjonen"


@pytest.mark.django_db
def test_a_case_missing_from_the_database_is_left_to_the_case_loader():
    assert case_effects_sync(records=[_record("finnes-ikke", checked_on="2026-12-01")]) == 0
    assert not Case.objects.filter(slug="finnes-ikke").exists()


@pytest.mark.django_db
def test_the_case_page_names_a_self_reported_figure_and_an_unchecked_source(client):
    case = CaseFactory(slug="eksempel")
    case_effects_sync(records=[_record("eksempel", checked_on=None)])

    page = client.get(case.get_absolute_url()).content.decode()

    assert str(CaseEffect.Evidence.SELF_REPORTED.label) in page
    assert "Årsrapport" in page
    assert "31. desember 2025" in page
    assert "Ikke kontrollert mot kilden" in page or "Not checked against the source" in page


@pytest.mark.django_db
def test_the_api_gives_each_effect_its_evidence_and_dates(client):
    case = CaseFactory(slug="eksempel")
    case_effects_sync(records=[_record("eksempel", checked_on="2026-12-01")])

    cases = client.get("/api/v1/cases?limit=100").json()["items"]
    effect = next(item for item in cases if item["slug"] == case.slug)["effects"][0]

    assert effect["evidence"] == "self_reported"
    assert (effect["source_date"], effect["checked_on"]) == ("2025-12-31", "2026-12-01")
