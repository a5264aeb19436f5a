from __future__ import annotations

from typing import Any

from .reference_data import reference_data_sync


def load_reference_data_after_migrate(*, using: str = "default", **kwargs: Any) -> None:
    """Keep the consumer price index and the financial proxies in step with the data files after migrate."""
    reference_data_sync(using=using)
