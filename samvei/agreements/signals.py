from __future__ import annotations

from typing import Any

from .reference_data import templates_sync


def load_templates_after_migrate(*, using: str = "default", **kwargs: Any) -> None:
    """Keep the agreement templates equal to the data file after every migrate (and test flush)."""
    templates_sync(using=using)
