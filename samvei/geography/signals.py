from __future__ import annotations

from typing import Any

from .reference_data import reference_data_sync


def load_reference_data_after_migrate(*, using: str = "default", **kwargs: Any) -> None:
    """Keep counties and municipalities in step with the files after every migrate (and test flush)."""
    reference_data_sync(using=using)
