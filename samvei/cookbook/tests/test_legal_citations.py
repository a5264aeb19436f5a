"""The cookbook's law is read from the procurement rows: no threshold figure is typed into a myth or recipe, every
token names a shipped row, and the pages show the row's value as it is today."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from samvei.cookbook import content_data
from samvei.cookbook.content_data import cookbook_content_load, fingerprint, shipped_text
from samvei.cookbook.models import ChecklistItem, Myth, Recipe, RecipeStep
from samvei.cookbook.tests.factories import MythFactory, RecipeFactory, StepFactory
from samvei.core.tests.factories import SourceFactory
from samvei.procurement.citations import tokens_in
from samvei.procurement.models import Rule, Threshold

COOKBOOK_DATA = Path(__file__).resolve().parents[1] / "data"
PROCUREMENT_DATA = Path(__file__).resolve().parents[2] / "procurement" / "data"
CONTENT_FILES = ("myths.json", "recipes.json")
NOT_TEXT = {
    "slug",
    "url",
    "source_url",
    "verified_on",
    "source_date",
    "audience",
    "case_slugs",
    "funding_slugs",
    "replaces",
}
# Amounts that equal a threshold value by chance and are not thresholds: Bærum's yearly innovation pot.
NOT_THRESHOLDS = ("2 millioner kroner i året", "NOK 2 million a year")
# Only these fields pass through the `cite` filter in the templates; a token anywhere else would show raw.
CITED_FIELDS = {"fact_nb", "fact_en", "intro_nb", "intro_en", "body_nb", "body_en"}
SEP = "[ \u00a0\u202f.,]?"


def _load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def _strings(value, key=""):
    """(field, text) for every text in a data record, however deeply it is nested."""
    if isinstance(value, dict):
        for name, item in value.items():
            if name not in NOT_TEXT:
                yield from _strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, key)
    elif isinstance(value, str):
        yield key, value


def _spellings(value: int) -> list[str]:
    """Regexes for a kroner amount as people write it: «1 300 000», «1,3 millioner», «NOK 1.3 million», «2,3 MNOK»,
    «100 000 kroner», «300 tusen»; a bare «57,8» counts too, since it is only ever read as millions."""
    digits = f"{value:,}".split(",")
    patterns = [r"(?<!\d)(?<!\d[ \u00a0\u202f.,])" + SEP.join(digits) + r"(?![\d])"]
    millions = value / 1_000_000
    if value % 10_000 == 0 and millions >= 0.1:
        text = f"{millions:.2f}".rstrip("0").rstrip(".")
        nb, en = text.replace(".", ","), text
        unit = r"\s*(millioner|million|mill\.?|mnok|mill kr)\b"
        patterns += [rf"(?<![\d,.]){re.escape(nb)}{unit}", rf"(?<![\d,.]){re.escape(en)}{unit}"]
        patterns.append(rf"(?<![\d,.]){re.escape(en)}\s*m\b")
        if "," in nb:
            patterns.append(rf"(?<![\d,.§-]){re.escape(nb)}(?![\d])")
    if value < 1_000_000 and value % 1000 == 0:
        patterns.append(rf"(?<![\d,.]){value // 1000}\s*(tusen|k)\b")
    return patterns


def _forbidden() -> re.Pattern[str]:
    values = sorted({row["value_nok"] for row in _load(PROCUREMENT_DATA / "thresholds.json")}, reverse=True)
    return re.compile("|".join(pattern for value in values for pattern in _spellings(value)), re.IGNORECASE)


def _literals(text: str) -> list[str]:
    for allowed in NOT_THRESHOLDS:
        text = text.replace(allowed, "")
    return [match.group(0) for match in _forbidden().finditer(text)]


def _file_texts():
    for name in CONTENT_FILES:
        for record in _load(COOKBOOK_DATA / name):
            for field, text in _strings(record):
                yield f"{name}:{record['slug']}:{field}", field, text


@pytest.mark.parametrize(
    "text",
    ["1 300 000 kroner", "1\u00a0300\u00a0000", "1,3 millioner", "NOK 1.3 million", "2,3 MNOK", "7,8 millioner",
     "57,8", "100 000", "NOK 100,000", "300 000 kroner", "1,49 millioner", "NOK 7.8m"],
)  # fmt: skip
def test_the_literal_check_finds_a_threshold_however_it_is_written(text):
    assert _literals(f"Grensen er {text} uten mva.")


@pytest.mark.parametrize(
    "text", ["5 000 kroner", "NOK 5,000", "4,5 millioner", "310 millioner", "1 million", "§ 7-8", "2017", "50 000"]
)
def test_the_literal_check_lets_other_amounts_through(text):
    assert not _literals(f"Det kostet {text} i året.")


def test_no_threshold_figure_is_typed_into_a_myth_or_recipe_file():
    found = [(where, hit) for where, _field, text in _file_texts() for hit in _literals(text)]

    assert found == []


@pytest.mark.django_db
def test_no_threshold_figure_is_typed_into_a_myth_or_recipe_in_the_database():
    cookbook_content_load()
    texts = []
    for myth in Myth.objects.all():
        texts += [myth.claim_nb, myth.claim_en, myth.fact_nb, myth.fact_en, myth.legal_source]
    for recipe in Recipe.objects.all():
        texts += [
            recipe.title_nb,
            recipe.title_en,
            recipe.summary_nb,
            recipe.summary_en,
            recipe.intro_nb,
            recipe.intro_en,
        ]
    for step in RecipeStep.objects.all():
        texts += [step.title_nb, step.title_en, step.body_nb, step.body_en]
    for item in ChecklistItem.objects.all():
        texts += [item.text_nb, item.text_en]

    assert [hit for text in texts for hit in _literals(text)] == []


def test_tokens_are_only_in_fields_the_templates_cite():
    misplaced = [where for where, field, text in _file_texts() if tokens_in(text) and field not in CITED_FIELDS]

    assert misplaced == []


def test_the_legal_texts_cite_rules_in_both_languages():
    myths = _load(COOKBOOK_DATA / "myths.json")

    assert all(tokens_in(myth["fact_nb"]) and tokens_in(myth["fact_en"]) for myth in myths)
    assert all(sorted(tokens_in(myth["fact_nb"])) == sorted(tokens_in(myth["fact_en"])) for myth in myths)


def _in_force(row: dict, day: date) -> bool:
    start, end = row.get("effective_from"), row.get("effective_to")
    return (
        row.get("status", "in_force") == "in_force"
        and start is not None
        and date.fromisoformat(start) <= day
        and (end is None or day < date.fromisoformat(end))
    )


def _threshold_in_file(token: str, rows: list[dict], day: date) -> bool:
    parts = token.split(":")[1:]
    kind, buyer, category = parts if len(parts) == 3 else (parts[0], "any", "any")
    return any(
        _in_force(row, day)
        and row["kind"] == kind
        and row["buyer"] in (buyer, "any")
        and row["category"] in (category, "any")
        for row in rows
    )


def test_every_threshold_token_names_a_shipped_row_in_force_today():
    rows = _load(PROCUREMENT_DATA / "thresholds.json")
    today = timezone.localdate()
    tokens = {token for _where, _field, text in _file_texts() for token in tokens_in(text)}

    unknown = [t for t in tokens if t.startswith("terskel:") and not _threshold_in_file(t, rows, today)]

    assert unknown == []
    assert any(t.startswith("terskel:") for t in tokens)


def test_every_rule_token_names_a_shipped_rule_in_force_today():
    rules_file = PROCUREMENT_DATA / "rules.json"
    if not rules_file.exists():
        pytest.skip("samvei/procurement/data/rules.json is not in this checkout yet")
    rules = {row["key"]: row for row in _load(rules_file)}
    today = timezone.localdate()
    tokens = {token for _where, _field, text in _file_texts() for token in tokens_in(text)}

    unknown = [t for t in tokens if t.startswith("regel:") and not _in_force(rules.get(t[6:], {}), today)]
    malformed = [t for t in tokens if not t.startswith(("regel:", "terskel:"))]

    assert (unknown, malformed) == ([], [])


@pytest.fixture
def own_rows(db):
    """Rows made here, not read from the data files, so the test says what it checks."""
    Threshold.objects.all().delete()
    Rule.objects.all().delete()
    source = SourceFactory()
    threshold = Threshold.objects.create(
        key="national-test",
        kind="national",
        value_nok=1_300_000,
        effective_from=date(2018, 4, 6),
        legal_basis="FOA kapittel 5",
        source=source,
        source_date=date(2018, 4, 6),
        verified_on=timezone.localdate(),
    )
    Rule.objects.create(
        key="part-i",
        title_nb="Del I",
        title_en="Part I",
        statement_nb="Del I gjelder.",
        statement_en="Part I applies.",
        citation="LOA § 4 og FOA del I",
        citation_verified=True,
        effective_from=date(2017, 1, 1),
        source=source,
        source_date=date(2017, 1, 1),
        verified_on=timezone.localdate(),
    )
    return threshold


def test_the_myths_page_shows_the_threshold_from_the_row(client, own_rows):
    MythFactory(fact_nb="Grensen er [[terskel:national]] ([[regel:part-i]]).")

    page = client.get(reverse("cookbook:myths")).content.decode()

    assert (
        f'<a href="{reverse("procurement:thresholds")}" rel="noopener noreferrer">1&nbsp;300&nbsp;000 kroner</a>'
        in page
    )
    assert "LOA § 4 og FOA del I</a>" in page
    assert "[[" not in page


def test_a_changed_row_changes_the_myths_page(client, own_rows):
    MythFactory(fact_nb="Grensen er [[terskel:national]].")
    client.get(reverse("cookbook:myths"))
    Threshold.objects.filter(pk=own_rows.pk).update(value_nok=1_400_000)

    page = client.get(reverse("cookbook:myths")).content.decode()

    assert "1&nbsp;400&nbsp;000 kroner" in page
    assert "1&nbsp;300&nbsp;000" not in page


def test_the_myths_page_is_in_english_in_english(client, own_rows):
    MythFactory(fact_nb="Grensen er [[terskel:national]].", fact_en="The limit is [[terskel:national]].")

    with translation.override("en"):
        url = reverse("cookbook:myths")

    page = client.get(url).content.decode()

    assert "NOK 1,300,000</a>" in page


def test_a_recipe_step_cites_the_row(client, own_rows):
    step = StepFactory(recipe=RecipeFactory(intro_nb="Fra [[terskel:national]]."), body_nb="Se [[regel:part-i]].")

    page = client.get(step.recipe.get_absolute_url()).content.decode()

    assert "1&nbsp;300&nbsp;000 kroner</a>" in page
    assert "LOA § 4 og FOA del I</a>" in page


def test_the_myths_page_reads_thresholds_and_rules_once_however_many_it_cites(client, own_rows):
    for _ in range(4):
        MythFactory(fact_nb="[[terskel:national]] [[regel:part-i]] [[terskel:eea:any:works]]")

    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("cookbook:myths"))

    sql = [query["sql"] for query in queries.captured_queries]
    assert len([q for q in sql if 'FROM "procurement_threshold"' in q]) == 1
    assert len([q for q in sql if 'FROM "procurement_rule"' in q]) == 1


def test_a_myth_with_markup_around_a_token_is_escaped(client, own_rows):
    MythFactory(fact_nb='<script>alert("x")</script> [[terskel:national]]')

    page = client.get(reverse("cookbook:myths")).content.decode()

    assert '<script>alert("x")' not in page
    assert "1&nbsp;300&nbsp;000 kroner</a>" in page


@pytest.mark.django_db
def test_the_shipped_myths_cite_only_rows_that_exist(client):
    cookbook_content_load()

    page = client.get(reverse("cookbook:myths")).content.decode()

    assert "[[" not in page
    assert "not known" not in page
    assert "ikke kjent" not in page


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    for name in ("cases.json", "funding.json", "recipes.json", "myths.json", "blog.json"):
        (tmp_path / name).write_text("[]", encoding="utf-8")
    monkeypatch.setattr(content_data, "DATA_DIR", tmp_path)
    return tmp_path


def _myth_file(data_dir, **fields):
    record = {"slug": "myte", "claim_nb": "Påstand", "fact_nb": "Ny tekst [[terskel:national]].", "legal_source": "FOA",
              "source_url": "https://example.org/kilde", "replaces": {"fact_nb": [fingerprint("Gammel tekst.")]}}  # fmt: skip
    (data_dir / "myths.json").write_text(json.dumps([record | fields]), encoding="utf-8")


@pytest.mark.django_db
def test_a_corrected_text_reaches_a_myth_nobody_has_edited(data_dir):
    MythFactory(slug="myte", fact_nb="Gammel tekst.")
    _myth_file(data_dir)

    counts = cookbook_content_load()

    assert Myth.objects.get(slug="myte").fact_nb == "Ny tekst [[terskel:national]]."
    assert counts["corrected texts"] == 1


@pytest.mark.django_db
def test_a_corrected_text_never_overwrites_an_editors_change(data_dir):
    MythFactory(slug="myte", fact_nb="Redaktøren skrev dette.")
    _myth_file(data_dir)

    cookbook_content_load()

    assert Myth.objects.get(slug="myte").fact_nb == "Redaktøren skrev dette."


@pytest.mark.django_db
def test_a_corrected_step_reaches_an_unedited_recipe_step(data_dir):
    step = StepFactory(recipe=RecipeFactory(slug="oppskrift"), position=1, body_nb="Gammelt steg.")
    record = {"slug": "oppskrift", "audience": "public_body", "title_nb": "T", "summary_nb": "S",
              "steps": [{"title_nb": step.title_nb, "body_nb": "Nytt steg.", "replaces": {"body_nb": [fingerprint("Gammelt steg.")]}}]}  # fmt: skip
    (data_dir / "recipes.json").write_text(json.dumps([record]), encoding="utf-8")

    cookbook_content_load()

    step.refresh_from_db()
    assert step.body_nb == "Nytt steg."


@pytest.mark.django_db
def test_the_shipped_files_correct_the_texts_the_earlier_files_loaded():
    """Every fingerprint in the files is of a text that differs from the file's own: a stale mark would be inert."""
    for name in ("myths.json", "recipes.json", "cases.json"):
        for record in _load(COOKBOOK_DATA / name):
            for part in [record, *record.get("steps", [])]:
                for field, marks in (part.get("replaces") or {}).items():
                    assert fingerprint(shipped_text(part, field)) not in marks, (name, record["slug"], field)
