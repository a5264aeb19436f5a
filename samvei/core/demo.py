"""Apps register their demo-data loaders here (in AppConfig.ready), so one command loads them all in
dependency order without the bottom of the stack importing the top."""

from __future__ import annotations

from collections.abc import Callable

DemoLoader = Callable[[], dict[str, int]]
_loaders: dict[str, DemoLoader] = {}


def register_demo_loader(name: str, loader: DemoLoader) -> None:
    _loaders[name] = loader


def registered_demo_loaders() -> dict[str, DemoLoader]:
    return dict(_loaders)
