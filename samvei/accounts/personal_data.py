"""Apps that store personal data register an exporter here, so that accounts can gather a complete export
without importing the apps above it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .models import User

Exporter = Callable[[User], Any]
_exporters: dict[str, Exporter] = {}


def register_exporter(name: str, exporter: Exporter) -> None:
    _exporters[name] = exporter


def registered_exporters() -> dict[str, Exporter]:
    return dict(_exporters)
