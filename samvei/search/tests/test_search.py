"""The same tests run on PostgreSQL and SQLite (CI runs the suite on both)."""

import pytest
from django.db import connection
from django.urls import reverse

from samvei.challenges.tests.factories import ChallengeFactory, PitchFactory
from samvei.organisations.tests.factories import OrganisationFactory
from samvei.search.selectors import search
from samvei.search.services import index_object, rebuild_index
from samvei.taxonomy.models import WelfareArea

pytestmark = pytest.mark.django_db


def _indexed(**fields):
    organisation = OrganisationFactory(**fields)
    index_object(kind="organisation", object_id=organisation.pk)
    return organisation


def _titles(query, **filters):
    return [hit.title for hit in search(query=query, **filters).hits]


@pytest.mark.parametrize(
    ("document_text", "query"),
    [
        ("Vi gir ungdomar arbeid i sommarferien.", "ungdom"),
        ("Vi gir ungdom arbeid i sommerferien.", "ungdomar"),
        ("Tilbodet er for heile kommuna Fjellbygd.", "kommunen fjellbygd"),
        ("Tilbudet er for hele kommunen Fjellbygd.", "kommuna fjellbygd"),
        ("Vi hjelper folk inn i arbeidet.", "arbeid"),
        ("Vi hjelper folk inn i arbeid.", "arbeidet"),
    ],
)
def test_bokmal_and_nynorsk_forms_find_each_other(document_text, query):
    _indexed(name="Treffet AS", description=document_text)

    assert "Treffet AS" in _titles(query)


def test_title_matches_rank_above_body_matches():
    _indexed(name="Demensomsorg AS", description="Vi hjelper familier.")
    _indexed(name="Familiehjelpen AS", description="Vi hjelper også ved demens av og til.")

    ours = [title for title in _titles("demens") if title in {"Demensomsorg AS", "Familiehjelpen AS"}]
    assert ours == ["Demensomsorg AS", "Familiehjelpen AS"]


@pytest.mark.parametrize("query", ["", "   ", "%%% !!! ???", "a", "«»—"])
def test_empty_or_symbol_only_queries_find_nothing(query):
    _indexed(name="Noe AS", description="Tekst.")

    assert search(query=query).hits == []


def test_a_very_long_query_is_refused_on_the_page_and_in_the_api(client):
    long_query = "eldre " * 2000

    page = client.get(reverse("search:search"), {"q": long_query})
    api = client.get("/api/v1/search", {"q": long_query})

    assert page.status_code == 400
    assert "500" in page.text
    assert api.status_code == 422


def test_a_long_but_allowed_query_answers(client):
    _indexed(name="Eldreomsorg AS", description="Eldre.")

    assert client.get("/api/v1/search", {"q": "eldre " * 80}).status_code == 200


def test_facets_count_kinds_and_filters_narrow_the_hits(stavanger):
    area = WelfareArea.objects.get(code="elderly-care")
    organisation = _indexed(name="Besøksvenner AS", description="Besøk for eldre.")
    organisation.welfare_areas.set([area])
    index_object(kind="organisation", object_id=organisation.pk)
    challenge = ChallengeFactory(owner=stavanger, title="Besøk til eldre på sykehjem")
    index_object(kind="challenge", object_id=challenge.pk)

    result = search(query="besøk")

    assert result.kinds["organisation"] >= 1
    assert result.kinds["challenge"] == 1
    assert _titles("besøk", kind="challenge") == ["Besøk til eldre på sykehjem"]
    assert _titles("besøk", welfare_area="elderly-care") == ["Besøksvenner AS"]
    assert _titles("besøk", county="11") == ["Besøk til eldre på sykehjem"]


def test_drafts_and_pitches_are_never_found(stavanger):
    ChallengeFactory(owner=stavanger, title="Hemmelig utkast om rus", status="draft")
    ChallengeFactory(owner=stavanger, title="Åpen utfordring om rus")
    PitchFactory(summary="Konfidensiell idé om rusomsorg", title="Konfidensielt forslag")
    rebuild_index()

    found = _titles("rus")
    assert "Åpen utfordring om rus" in found
    assert "Hemmelig utkast om rus" not in found
    assert _titles("konfidensiell") == []


def test_snippets_mark_the_words_and_escape_html():
    _indexed(name="Trygg AS", description="Vi jobber med <script>alert(1)</script> ungdom i Fjellbygd.")

    hit = next(hit for hit in search(query="ungdom fjellbygd").hits if hit.title == "Trygg AS")

    assert "<mark>ungdom</mark>" in hit.snippet
    assert "<script>" not in hit.snippet


def test_saving_an_object_reindexes_it_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        organisation = OrganisationFactory(name="Nytt navn AS", description="Grønt ombruk.")

    assert "Nytt navn AS" in _titles("ombruk")

    with django_capture_on_commit_callbacks(execute=True):
        organisation.description = "Digital opplæring."
        organisation.save()

    assert "Nytt navn AS" not in _titles("ombruk")
    assert "Nytt navn AS" in _titles("opplæring")


def test_withdrawn_challenges_leave_the_index(stavanger, django_capture_on_commit_callbacks):
    challenge = ChallengeFactory(owner=stavanger, title="Tilbaketrukket behov for syklister")
    index_object(kind="challenge", object_id=challenge.pk)
    assert _titles("syklister") == ["Tilbaketrukket behov for syklister"]

    with django_capture_on_commit_callbacks(execute=True):
        challenge.status = "withdrawn"
        challenge.save()

    assert _titles("syklister") == []


def test_search_page_and_api_answer_with_hits(client):
    _indexed(name="Lesevenner AS", description="Lesing for barn.")

    page = client.get(reverse("search:search"), {"q": "lesing"})
    api = client.get("/api/v1/search", {"q": "lesing"}).json()

    assert "Lesevenner AS" in page.text
    assert api["count"] == 1
    assert api["items"][0]["url"].startswith("/organisasjoner/")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram similarity is PostgreSQL's")
def test_a_misspelt_title_is_found_by_trigram_similarity():
    _indexed(name="Demensomsorg Nord AS", description="Hjelp.")

    assert "Demensomsorg Nord AS" in _titles("demensomsrog nord")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking title matches first is PostgreSQL's")
def test_when_enough_titles_match_the_body_matches_are_not_ranked():
    from samvei.search.backends import backend
    from samvei.search.models import SearchDocument

    for number in range(3):
        _indexed(name=f"Vevstuen {number} AS", description="Hjelp.")
    _indexed(name="Annet AS", description="Vevstue, vevstue og vevstue hver dag.")

    ranked = backend().ranked_ids("vevstue", SearchDocument.objects.all(), 3)

    assert sorted(SearchDocument.objects.get(pk=pk).title for pk in ranked) == [f"Vevstuen {n} AS" for n in range(3)]


@pytest.fixture
def stavanger(db):
    from samvei.organisations.models import Organisation

    return Organisation.objects.get(municipality__number="1103")


def test_when_no_page_has_every_word_pages_with_some_of_them_are_shown():
    _indexed(name="Sjukeheimsvenner AS", description="Besøk på sjukeheimen i Fjellbygd.")

    assert "Sjukeheimsvenner AS" in _titles("einsemd sjukeheim")


def test_pages_with_every_word_come_before_pages_with_one():
    _indexed(name="Begge AS", description="Lesing og skriving for barn.")
    _indexed(name="En AS", description="Lesing for voksne.")

    ours = [title for title in _titles("lesing barn") if title in {"Begge AS", "En AS"}]
    assert ours == ["Begge AS", "En AS"]


def test_the_count_covers_every_hit_while_only_the_first_page_is_returned(client):
    for number in range(25):
        _indexed(name=f"Strikkeklubben {number} AS", description="Strikking for alle.")

    result = search(query="strikking")
    api = client.get("/api/v1/search", {"q": "strikking", "limit": 5}).json()

    assert (result.total, len(result.hits)) == (25, 20)
    assert (api["count"], len(api["items"])) == (25, 5)
