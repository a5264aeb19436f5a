"""Law tokens in content text become links to the dated rows; nothing unknown is ever guessed."""

from datetime import date

import factory
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from samvei.core.markdown import render_markdown
from samvei.core.tests.factories import SourceFactory
from samvei.procurement.citations import CitationBook, cite, cite_in, cite_plain, format_nok, tokens_in
from samvei.procurement.models import Rule, Threshold

pytestmark = pytest.mark.django_db

DAY = date(2026, 11, 20)


def not_known(token):
    """The note as the active language writes it (bokmål once the lead has merged var/i18n/cookbook_law.po)."""
    return gettext("[not known: %(token)s]") % {"token": token}


def unverified():
    return gettext("paragraph number not verified")


class ThresholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Threshold

    key = factory.Sequence(lambda n: f"threshold-{n}")
    kind = Threshold.Kind.NATIONAL
    value_nok = 1_300_000
    effective_from = date(2018, 4, 6)
    legal_basis = "FOA kapittel 5"
    source = factory.SubFactory(SourceFactory)
    source_date = date(2018, 4, 6)
    verified_on = date(2026, 11, 25)


class RuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rule

    key = factory.Sequence(lambda n: f"rule-{n}")
    title_nb = "Klima og miljø"
    title_en = "Climate and environment"
    statement_nb = "Vekt klima og miljø."
    statement_en = "Weight climate and environment."
    citation = "FOA § 7-9"
    citation_verified = True
    effective_from = date(2024, 1, 1)
    source = factory.SubFactory(SourceFactory)
    source_date = date(2024, 1, 1)
    verified_on = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def only_test_rows():
    """The shipped data files are loaded after migrate; these tests build their own rows."""
    Threshold.objects.all().delete()
    Rule.objects.all().delete()


@pytest.fixture
def nb():
    with translation.override("nb"):
        yield


@pytest.fixture
def en():
    with translation.override("en"):
        yield


def test_a_threshold_is_written_the_norwegian_way_in_bokmal(nb):
    ThresholdFactory()

    assert cite("Grensen er [[terskel:national]].", day=DAY) == (
        f"Grensen er [1\u00a0300\u00a0000 kroner]({reverse('procurement:thresholds')})."
    )


def test_a_threshold_is_written_the_english_way_in_english(en):
    ThresholdFactory()

    assert f"[NOK 1,300,000]({reverse('procurement:thresholds')})" in cite(
        "The limit is [[terskel:national]].", day=DAY
    )


def test_format_nok_groups_thousands_per_language(nb):
    assert format_nok(57_800_000) == "57\u00a0800\u00a0000 kroner"
    with translation.override("en"):
        assert format_nok(57_800_000) == "NOK 57,800,000"


def test_the_most_specific_row_for_buyer_and_category_is_cited(nb):
    ThresholdFactory(kind="eea", buyer="any", category="health_social", value_nok=7_800_000)
    ThresholdFactory(kind="eea", buyer="sub_central", category="goods_services", value_nok=2_300_000)
    ThresholdFactory(kind="eea", buyer="state", category="goods_services", value_nok=1_490_000)

    text = cite("[[terskel:eea:sub_central:goods_services]] / [[terskel:eea:any:health_social]]", day=DAY)

    assert "2\u00a0300\u00a0000" in text
    assert "7\u00a0800\u00a0000" in text
    assert "1\u00a0490\u00a0000" not in text


def test_an_unknown_token_is_shown_as_not_known(nb):
    text = cite("Se [[terskel:nonsense]] og [[ukjent]].", day=DAY)

    assert render_markdown(text) == f"<p>Se {not_known('terskel:nonsense')} og {not_known('ukjent')}.</p>\n"


def test_a_threshold_with_no_row_in_force_on_the_day_is_not_known_never_guessed(nb):
    ThresholdFactory(effective_from=date(2018, 4, 6), effective_to=date(2022, 3, 23))

    text = cite("[[terskel:national]]", day=DAY)

    assert text == "\\" + not_known("terskel:national")[:-1] + "\\]"
    assert "1\u00a0300\u00a0000" not in text


def test_a_proposed_threshold_is_never_cited(nb):
    ThresholdFactory(kind="lower_limit", status="proposed", effective_from=None, value_nok=300_000)

    assert "300\u00a0000" not in cite("[[terskel:lower_limit]]", day=DAY)
    assert render_markdown(cite("[[terskel:lower_limit]]", day=DAY)) == f"<p>{not_known('terskel:lower_limit')}</p>\n"


def test_a_day_after_the_newest_check_says_when_the_values_were_last_checked(nb):
    ThresholdFactory(verified_on=date(2026, 11, 25))

    text = cite("[[terskel:national]]", day=date(2026, 12, 3))

    expected = gettext("%(value)s (last checked %(date)s)") % {
        "value": "1\u00a0300\u00a0000 kroner",
        "date": "25. november 2026",
    }
    assert render_markdown(text).startswith(f'<p><a href="{reverse("procurement:thresholds")}"')
    assert expected.replace("\u00a0", "&nbsp;") in render_markdown(text)


def test_a_day_up_to_the_newest_check_has_no_check_note(nb):
    ThresholdFactory(verified_on=date(2026, 11, 25))

    assert "(" not in cite("[[terskel:national]]", day=date(2026, 11, 25)).split("](")[0]


def test_a_rule_links_to_its_paragraph_on_the_rules_page(nb):
    rule = RuleFactory(key="climate-environment")

    assert cite("Se [[regel:climate-environment]].", day=DAY) == (f"Se [FOA § 7-9]({rule.get_absolute_url()}).")


def test_a_rule_whose_paragraph_number_is_unverified_says_so(nb):
    RuleFactory(key="splitting-ban", citation="FOA § 5-4", citation_verified=False)

    assert cite("[[regel:splitting-ban]]", day=DAY).endswith(f" ({unverified()})")


def test_the_unverified_note_is_translated(en):
    RuleFactory(key="splitting-ban", citation="FOA § 5-4", citation_verified=False)

    assert cite("[[regel:splitting-ban]]", day=DAY).endswith(" (paragraph number not verified)")


def test_a_citation_that_already_says_it_is_unverified_is_not_told_twice(nb):
    RuleFactory(key="innovation-partnership", citation=f"FOA del III ({unverified()})", citation_verified=False)

    assert cite("[[regel:innovation-partnership]]", day=DAY).count(unverified()) == 1


def test_a_rule_not_yet_in_force_is_not_known(nb):
    RuleFactory(key="climate-environment", effective_from=date(2027, 1, 1))

    assert render_markdown(cite("[[regel:climate-environment]]", day=DAY)) == (
        f"<p>{not_known('regel:climate-environment')}</p>\n"
    )


def test_an_unknown_rule_key_is_not_known(nb):
    assert render_markdown(cite("[[regel:no-such-rule]]", day=DAY)) == f"<p>{not_known('regel:no-such-rule')}</p>\n"


def test_a_text_without_tokens_costs_no_query(nb):
    with CaptureQueriesContext(connection) as queries:
        assert cite("Ingen lenker her.", day=DAY) == "Ingen lenker her."

    assert len(queries) == 0


def test_many_tokens_cost_one_query_for_thresholds_and_one_for_rules(nb):
    ThresholdFactory()
    ThresholdFactory(kind="lower_limit", value_nok=100_000, effective_from=date(2017, 1, 1))
    RuleFactory(key="a")
    RuleFactory(key="b")
    text = "[[terskel:national]] [[terskel:lower_limit]] [[terskel:national]] [[regel:a]] [[regel:b]] [[regel:c]]"

    with CaptureQueriesContext(connection) as queries:
        cite(text, day=DAY)

    assert len(queries) == 2


def test_a_book_is_read_once_for_many_texts(nb):
    ThresholdFactory()
    book = CitationBook(day=DAY)
    cite("[[terskel:national]]", day=DAY, book=book)

    with CaptureQueriesContext(connection) as queries:
        cite("[[terskel:national]]", day=DAY, book=book)

    assert len(queries) == 0


def test_html_around_a_token_stays_escaped_after_markdown(nb):
    ThresholdFactory()

    html = render_markdown(cite('<script>alert(1)</script> [[terskel:national]] <img src=x onerror="x()">', day=DAY))

    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    link = f'<a href="{reverse("procurement:thresholds")}" rel="noopener noreferrer">1&nbsp;300&nbsp;000 kroner</a>'
    assert link in html


def test_a_citation_cannot_smuggle_a_link_into_the_page(nb):
    RuleFactory(key="evil", citation="FOA](javascript:alert(1)) [x")

    html = render_markdown(cite("[[regel:evil]]", day=DAY))

    assert "javascript" not in html.split('href="')[1].split('"')[0]
    assert html.count("<a ") == 1


def test_markdown_around_a_token_is_kept(nb):
    ThresholdFactory()

    html = render_markdown(cite("**Fra** [[terskel:national]]", day=DAY))

    assert "<strong>Fra</strong>" in html


def test_tokens_in_lists_every_token_as_written():
    assert tokens_in("a [[terskel:eea:any:works]] b [[regel:part-i]]") == ["terskel:eea:any:works", "regel:part-i"]


def test_plain_citing_gives_the_words_without_links_for_search():
    ThresholdFactory(value_nok=1_300_000)
    RuleFactory(key="climate", citation="FOA § 7-9")

    with translation.override("nb"):
        text = cite_plain("Fra [[terskel:national]] gjelder [[regel:climate]].", day=DAY)

    assert text == "Fra 1\u00a0300\u00a0000 kroner gjelder FOA § 7-9."


def test_citing_in_a_fixed_language_formats_for_that_language():
    ThresholdFactory(value_nok=1_300_000)

    with translation.override("nb"):
        english = cite_in("From [[terskel:national]].", language="en", day=DAY)

    assert "NOK 1,300,000" in english
