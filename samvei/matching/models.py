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
