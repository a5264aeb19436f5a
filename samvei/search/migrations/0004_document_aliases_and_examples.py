import re

import snowballstemmer
from django.db import migrations, models

# The same words and stems as samvei.search.text at the time of writing, so that the rows written here equal
# those the SQLite backend writes.
WORD = re.compile(r"[0-9a-zæøåäöüéèáàóòúùíìâêîôû]+", re.IGNORECASE)


def _stemmed(text, stemmer):
    return " ".join(stemmer.stemWord(word.casefold()) for word in WORD.findall(text or ""))


def split_fts_columns(apps, schema_editor):
    """SQLite: the FTS5 table gets a `name` column (title and aliases) beside the body, so that a match in a
    name can be told from one in the text. PostgreSQL weights the title within its vector and needs nothing."""
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    schema_editor.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(name, body, tokenize = 'unicode61 remove_diacritics 0')"
    )
    stemmer = snowballstemmer.stemmer("norwegian")
    SearchDocument = apps.get_model("search", "SearchDocument")
    rows = [
        (pk, _stemmed(f"{title}\n{aliases}", stemmer), _stemmed(body, stemmer))
        for pk, title, aliases, body in SearchDocument.objects.values_list("pk", "title", "aliases", "body")
    ]
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany("INSERT INTO search_fts (rowid, name, body) VALUES (%s, %s, %s)", rows)


def mark_examples(apps, schema_editor):
    """Documents already indexed learn which of them are fictional examples; later writes keep it current."""
    SearchDocument = apps.get_model("search", "SearchDocument")
    for kind, model in (
        ("organisation", ("organisations", "Organisation")),
        ("challenge", ("challenges", "Challenge")),
    ):
        examples = apps.get_model(*model).objects.filter(is_example=True).values("pk")
        SearchDocument.objects.filter(kind=kind, object_id__in=examples).update(is_example=True)


def join_fts_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute("DROP TABLE IF EXISTS search_fts")
    schema_editor.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(stemmed, tokenize = 'unicode61 remove_diacritics 0')"
    )
    stemmer = snowballstemmer.stemmer("norwegian")
    SearchDocument = apps.get_model("search", "SearchDocument")
    rows = [
        (pk, _stemmed(f"{title}\n{title}\n{body}", stemmer))
        for pk, title, body in SearchDocument.objects.values_list("pk", "title", "body")
    ]
    with schema_editor.connection.cursor() as cursor:
        cursor.executemany("INSERT INTO search_fts (rowid, stemmed) VALUES (%s, %s)", rows)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_drop_stemmed_column"),
        ("organisations", "0001_initial"),
        ("challenges", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="aliases",
            field=models.TextField(blank=True, help_text="Other names, one a line."),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="is_example",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(split_fts_columns, join_fts_columns),
        migrations.RunPython(mark_examples, migrations.RunPython.noop),
    ]
