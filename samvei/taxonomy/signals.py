from __future__ import annotations

from typing import Any

from .reference_data import taxonomy_sync


def load_taxonomy_after_migrate(*, using: str = "default", **kwargs: Any) -> None:
    taxonomy_sync(using=using)
