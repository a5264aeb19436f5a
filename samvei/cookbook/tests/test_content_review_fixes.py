"""The content review of 2026-12-02 (§1 A, §2): the cases say what their sources support and name what Samvei
could not check; the texts write «Nav» and «kokeboken»; and a database loaded from the earlier files gets the
corrections."""

import datetime
import json
import re
from pathlib import Path

import pytest

from samvei.cookbook.content_data import cookbook_content_load
from samvei.cookbook.models import Case, CaseEffect
from samvei.search.selectors import search
from samvei.search.services import rebuild_index

DATA = Path(__file__).resolve().parents[1] / "data"
CONTENT_FILES = ("cases.json", "recipes.json", "myths.json", "blog.json")
# Keys whose values are addresses, identifiers or marks, not text a reader sees.
NOT_TEXT = {"slug", "url", "source_url", "replaces", "tags", "enterprise_slug", "municipalities", "welfare_areas"}
# The Kjør for livet summary as the files before the review shipped it.
OLD_KJOR_FOR_LIVET_SUMMARY = (
    "Kjør for livet gir ungdom som står i fare for å falle utenfor, et fast tilbud i små team med motor, mekking og "
    "motorsport. Tilbudet startet på Lundamo i Melhus, og organisasjonen ble etablert 17. april 2011. Kommunene "
    "kjøper ofte tilbudet gjennom barnevernet. Virksomheten ble en del av Aberia Healthcare i 2017 og heter nå Drive."
)


def _load(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _case(slug: str) -> dict:
    return next(case for case in _load("cases.json") if case["slug"] == slug)


def _effects() -> list[tuple[str, dict]]:
    return [(case["slug"], effect) for case in _load("cases.json") for effect in case.get("effects") or []]


def _texts(value, key=""):
    """(field, text) for every text a reader sees; a source's title may quote a publication's own spelling."""
    if isinstance(value, dict):
        is_source = "url" in value and "title" in value
        for name, item in value.items():
            if name not in NOT_TEXT and not (is_source and name == "title"):
                yield from _texts(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item, key)
    elif isinstance(value, str):
        yield key, value


def _all_texts() -> list[tuple[str, str, str]]:
    return [
        (f"{name}:{record['slug']}", field, text)
        for name in CONTENT_FILES
        for record in _load(name)
        for field, text in _texts(record)
    ]


def test_every_case_effect_with_a_figure_names_its_source_and_the_day_it_was_checked():
    missing = [
        slug for slug, effect in _effects() if effect["figure"] and not (effect["source_url"] and effect["checked_on"])
    ]

    assert missing == []


def test_an_effect_samvei_could_not_check_shows_no_figure():
    unchecked_figures = [
        (slug, effect["figure"]) for slug, effect in _effects() if not effect["checked_on"] and effect["figure"]
    ]

    assert unchecked_figures == []


def test_an_unchecked_effect_says_that_samvei_could_not_check_it():
    silent = [
        slug
        for slug, effect in _effects()
        if not effect["checked_on"] and "ikke kunnet kontrollere" not in effect["text_nb"]
    ]

    assert silent == []


def test_the_figures_the_review_confirmed_carry_the_review_date():
    checked = {effect["figure"]: effect["checked_on"] for _slug, effect in _effects() if effect["figure"]}

    assert checked["355 deltakere (2016)"] == "2026-12-02"
    assert checked["ca. 1 200 barn siden 2008 (egenrapportert)"] == "2026-12-02"


def test_the_kjor_for_livet_case_gives_both_founding_years_and_says_the_sources_disagree():
    summary = _case("kjor-for-livet")["summary_nb"]

    assert "startet i 2009" in summary
    assert "Kjør for livet AS er oppgitt å være fra 2011" in summary
    assert "Kildene er uenige" in summary
    assert "17. april 2011" not in summary


def test_the_kjor_for_livet_case_names_the_enterprise_over_time():
    case = _case("kjor-for-livet")

    assert "fra Kjør for livet til Drive for life, og i 2021 til DRIVE" in case["summary_nb"]
    assert "in 2021 to DRIVE" in case["summary_en"]


def test_the_klubb_5_count_is_no_longer_a_figure_and_the_press_release_name_is_given():
    effect = next(effect for effect in _case("kjor-for-livet")["effects"] if "171" in effect["text_nb"])

    assert effect["figure"] == ""
    assert "Klubb 7" in effect["text_nb"]
    assert "Klubb 7" in effect["text_en"]


def test_the_kjor_for_livet_case_cites_the_sources_of_its_founding_year():
    urls = {source["url"] for source in _case("kjor-for-livet")["sources"]}

    assert "https://atlevarvik.no/drive-200421/" in urls
    assert any("solungavisa.no" in url for url in urls)
    assert any("mynewsdesk.com" in url and "190310" in url for url in urls)


def test_generasjon_m_gives_both_age_ranges_and_the_booklets_name():
    summary = _case("generasjon-m")["summary_nb"]

    assert "«Generasjonsmøte M»" in summary
    assert "mellom 14 og 19 år" in summary
    assert "14 til 20 år" in summary


def test_the_tillitsperson_case_gives_the_profiles_sourced_details():
    case = _case("tillitsperson-stavanger")

    assert "frivillige" in case["summary_nb"]
    assert "Samfunnssentralen" in case["summary_nb"]
    assert "Samvei har ikke bekreftet flere detaljer" not in case["summary_nb"]
    assert "Ikke oppgitt" not in (case["collaboration_form_nb"], case["funding_nb"])
    assert "https://samfunnssentralen.no/en/social-entrepreneurs/" in {source["url"] for source in case["sources"]}


def test_the_tillitsperson_case_uses_the_profiles_name_and_says_the_directory_uses_another():
    case = _case("tillitsperson-stavanger")

    assert "Kirkens Bymisjon i Stavanger" in case["organisations"]
    assert "Kirkens Bymisjon Stavanger" not in case["organisations"]
    assert "Kirkens Bymisjon Rogaland" in case["summary_nb"]
    assert "Begge navnene er altså i bruk" in case["summary_nb"]


def test_the_intempo_case_describes_the_se_hele_meg_project_and_its_partners():
    case = _case("intempo-eidsberg")

    assert "Se hele meg" in case["collaboration_form_nb"]
    assert "Treårig" in case["collaboration_form_nb"]
    assert "SpareBank 1 Stiftelsen Østfold Akershus" in case["funding_nb"]
    assert "Ferd" in case["funding_nb"]
    assert "helsestasjonen" in case["funding_nb"]


def test_the_intempo_case_cites_eidsberg_kommunes_site_and_says_the_page_address_is_unknown():
    case = _case("intempo-eidsberg")
    source = next(source for source in case["sources"] if "eidsberg.kommune.no" in source["url"])

    assert source["title"].startswith("Se hele meg-prosjektet er i gang")
    assert "kjenner ikke sidens fulle adresse" in case["funding_nb"]


def test_no_shipped_cookbook_text_writes_nav_in_capitals():
    found = [(where, field) for where, field, text in _all_texts() if re.search(r"\bNAVs?\b", text)]

    assert found == []


def test_the_cookbook_texts_write_kokeboken_not_kokeboka():
    found = [(where, field) for where, field, text in _all_texts() if re.search(r"\b[Kk]okeboka\b", text)]

    assert found == []


def test_the_english_texts_use_the_reviewed_terms():
    english = " ".join(text for _where, field, text in _all_texts() if field.endswith("_en"))

    assert "falling through the cracks" in english
    assert "the social element of the municipal master plan (*kommuneplanens samfunnsdel*)" in english
    assert "between several stools" not in english
    assert "membership fee" not in english
    assert "connection fee" in english


@pytest.mark.django_db
def test_loading_corrects_an_unedited_case_that_still_holds_the_old_founding_date():
    cookbook_content_load()
    Case.objects.filter(slug="kjor-for-livet").update(summary_nb=OLD_KJOR_FOR_LIVET_SUMMARY)

    cookbook_content_load()

    summary = Case.objects.get(slug="kjor-for-livet").summary_nb
    assert "17. april 2011" not in summary
    assert "startet i 2009" in summary


@pytest.mark.django_db
def test_loading_leaves_a_founding_date_an_editor_has_changed():
    cookbook_content_load()
    Case.objects.filter(slug="kjor-for-livet").update(summary_nb="Redaksjonen skrev dette.")

    cookbook_content_load()

    assert Case.objects.get(slug="kjor-for-livet").summary_nb == "Redaksjonen skrev dette."


@pytest.mark.django_db
def test_loading_replaces_effects_that_still_show_the_unchecked_klubb_5_figure():
    cookbook_content_load()
    case = Case.objects.get(slug="kjor-for-livet")
    case.effects.update(checked_on=datetime.date(2026, 12, 3))
    case.effects.filter(position=1).update(figure="171 ungdommer i Klubb 5 (2016)")

    cookbook_content_load()

    assert not CaseEffect.objects.filter(case__slug="kjor-for-livet", figure__contains="Klubb 5").exists()


def test_the_generasjon_m_record_lists_the_booklets_name_as_an_alias():
    assert "Generasjonsmøte M" in _case("generasjon-m")["aliases"].splitlines()


@pytest.mark.django_db
def test_searching_for_the_booklets_name_finds_generasjon_m():
    cookbook_content_load()
    rebuild_index(kinds=["case"])

    hits = search(query="Generasjonsmøte M", kind="case").hits

    assert hits
    assert hits[0].title == Case.objects.get(slug="generasjon-m").title_nb
