from __future__ import annotations

from typing import Any

from .reference_data import public_bodies_sync


def load_public_bodies_after_migrate(*, using: str = "default", **kwargs: Any) -> None:
    """Runs after geography's handler (apps signal in INSTALLED_APPS order), so municipalities exist."""
    public_bodies_sync(using=using)
