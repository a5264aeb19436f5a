from django.db import migrations

# The same expression the PostgreSQL backend filters on (SearchVector("title", config="norwegian")), so that
# the planner uses this index for title matches.
TITLE_VECTOR = "to_tsvector('norwegian'::regconfig, COALESCE(title, ''))"


def create_index(apps, schema_editor):
    """PostgreSQL only: finds the documents whose title matches without reading every body match."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX search_document_title_vector_gin ON search_searchdocument USING gin ({TITLE_VECTOR})"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_title_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
