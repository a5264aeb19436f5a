import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


def create_indexes(apps, schema_editor):
    """PostgreSQL: GIN indexes on the vector and a trigram index on titles. SQLite: an FTS5 table over the
    stemmed text, keyed by the document's id."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE INDEX search_document_vector_gin ON search_searchdocument USING gin (vector)")
        schema_editor.execute(
            "CREATE INDEX search_document_title_trgm ON search_searchdocument USING gin (title gin_trgm_ops)"
        )
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5(stemmed, tokenize = 'unicode61 remove_diacritics 0')"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_vector_gin")
        schema_editor.execute("DROP INDEX IF EXISTS search_document_title_trgm")
    elif schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS search_fts")


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=30)),
                ("object_id", models.PositiveBigIntegerField()),
                ("title", models.CharField(max_length=300)),
                ("body", models.TextField(blank=True)),
                ("url", models.CharField(max_length=500)),
                ("welfare_areas", models.CharField(blank=True, help_text="Space-separated codes.", max_length=600)),
                ("counties", models.CharField(blank=True, help_text="Space-separated county numbers.", max_length=200)),
                ("stemmed", models.TextField(blank=True)),
                ("vector", django.contrib.postgres.search.SearchVectorField(null=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("kind", "object_id"), name="search_document_once")],
            },
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
