from __future__ import annotations

from typing import Any

from .reference_data import reference_data_sync


def load_reference_data_after_migrate(*, using: str = "default", **kwargs: Any) -> None:
    """Keep the thresholds equal to the data file after every migrate (and test flush)."""
    reference_data_sync(using=using)
