from __future__ import annotations

from django.db import models


class Embedding(models.Model):
    """A stored sentence embedding of an organisation's or a challenge's text, in one role (query or passage)
    and for one model, so changing the model never mixes vectors."""

    class Role(models.TextChoices):
        QUERY = "query"
        PASSAGE = "passage"

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    role = models.CharField(max_length=10, choices=Role.choices)
    model_name = models.CharField(max_length=100)
    text_hash = models.CharField(max_length=64)
    vector = models.BinaryField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "role", "model_name"], name="matching_embedding_once")
        ]
        indexes = [models.Index(fields=["kind", "role", "model_name"], name="matching_embedding_lookup_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id} ({self.role})"


class MatchProfile(models.Model):
    """What the matcher needs of one organisation or challenge, precomputed so that ranking thousands of them
    never loads the objects themselves: stated or inferred codes, reach, stemmed terms and the vector the
    pair similarity uses. Rows are never deleted, only made inactive, so that every process's in-memory index
    sees the change by `updated_at`."""

    kind = models.CharField(max_length=20)
    object_id = models.PositiveBigIntegerField()
    active = models.BooleanField(default=True)
    welfare_areas = models.TextField(blank=True)
    target_groups = models.TextField(blank=True)
    municipalities = models.TextField(blank=True)
    counties = models.TextField(blank=True)
    national = models.BooleanField(default=False)
    is_example = models.BooleanField(default=False)
    terms = models.TextField(blank=True)
    text_hash = models.CharField(max_length=64, blank=True)
    model_name = models.CharField(max_length=100, blank=True)
    vector = models.BinaryField(null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="matching_profile_once")]
        indexes = [models.Index(fields=["kind", "updated_at"], name="matching_profile_changes_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
