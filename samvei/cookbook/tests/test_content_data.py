import pytest

from samvei.cookbook.content_data import cookbook_content_load
from samvei.cookbook.models import Case, FundingScheme, Myth, Recipe

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    return cookbook_content_load()


def test_the_counts_the_issue_asks_for_are_met(content):
    assert Recipe.objects.filter(status="published").count() >= 12
    assert Myth.objects.filter(status="published").count() >= 6
    assert Case.objects.filter(status="published").count() == 10
    assert FundingScheme.objects.filter(status="published").count() >= 8


def test_recipes_exist_in_both_languages_with_checklists(content):
    for recipe in Recipe.objects.all():
        assert recipe.title_en
        assert recipe.steps.count() >= 4


def test_every_case_myth_and_scheme_carries_a_source(content):
    assert all(case.sources.exists() for case in Case.objects.all())
    assert all(myth.source.url.startswith("http") and myth.legal_source for myth in Myth.objects.all())
    assert all(scheme.source.url and scheme.checked_on for scheme in FundingScheme.objects.all())


def test_the_booklets_cases_are_all_there(content):
    expected = {
        "generasjon-m", "kjor-for-livet", "tillitsperson-stavanger", "barnevernsproffene", "trondheim-jodacare",
        "steinkjer-noen", "bua", "moving-mamas", "intempo-eidsberg", "nyby",
    }  # fmt: skip
    assert set(Case.objects.values_list("slug", flat=True)) == expected


def test_recipes_link_to_cases_and_funding(content):
    recipe = Recipe.objects.get(slug="finne-finansiering")

    assert recipe.funding_schemes.count() == 8
    assert Recipe.objects.get(slug="gjennomfore-pilot").cases.filter(slug="trondheim-jodacare").exists()


def test_loading_twice_creates_nothing_and_keeps_editors_changes(content):
    Recipe.objects.filter(slug="forberede-pitch").update(title_nb="Endret av redaktør")

    again = cookbook_content_load()

    assert set(again.values()) == {0}
    assert Recipe.objects.get(slug="forberede-pitch").title_nb == "Endret av redaktør"


def test_loading_corrects_an_unedited_case_shipped_with_the_misnamed_foundation(content):
    """Content review A1: «Østhusgaver-stiftelsen» does not exist; the foundation is SpareBank 1 Stiftelsen Østfold
    Akershus. A database loaded from the earlier file gets the corrected names and funding text."""
    shipped = "Generasjon M, Ferd Sosiale Entreprenører, Østhusgaver-stiftelsen, Sparebankstiftelsen DNB, Moss kommune"
    Case.objects.filter(slug="generasjon-m").update(
        organisations=shipped,
        funding_nb=Case.objects.get(slug="generasjon-m").funding_nb.replace(
            "SpareBank 1 Stiftelsen Østfold Akershus (nettstedet osthusgaver.no) ga i 2019 1 million kroner til Moss og "
            "Rygge kommuner for en pilot på tre eldreinstitusjoner; Rygge ble en del av Moss 1. januar 2020. Den samme "
            "stiftelsen er investor i de senere effektkontraktene med Våler, Indre Østfold og Aurskog-Høland",
            "Østhusgaver-stiftelsen ga 1 million kroner til en pilot i Moss i 2019",
        ),
    )
    assert "Østhusgaver-stiftelsen" in Case.objects.get(slug="generasjon-m").funding_nb

    cookbook_content_load()

    case = Case.objects.get(slug="generasjon-m")
    assert "Østhusgaver-stiftelsen" not in case.organisations + case.funding_nb
    assert "SpareBank 1 Stiftelsen Østfold Akershus" in case.organisations
