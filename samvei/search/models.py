from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """One searchable object, whatever app it lives in: its text, address and facets. PostgreSQL searches the
    `vector` column; SQLite searches an FTS5 table of its stemmed text (see migrations and backends). Aliases
    are searched like the title; an example ranks below a real entry that matches as well."""

    kind = models.CharField(max_length=30)
    object_id = models.PositiveBigIntegerField()
    title = models.CharField(max_length=300)
    aliases = models.TextField(blank=True, help_text="Other names, one a line.")
    is_example = models.BooleanField(default=False)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    welfare_areas = models.CharField(max_length=600, blank=True, help_text="Space-separated codes.")
    counties = models.CharField(max_length=200, blank=True, help_text="Space-separated county numbers.")
    vector = SearchVectorField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_once")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.title}"
