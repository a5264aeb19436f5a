"""Gunicorn settings for `make serve`. Each web worker loads the matching indexes in a thread as it starts, so
the first visitor who asks for recommendations does not wait for them (about 5 s at 100 000 organisations)."""

from __future__ import annotations

import logging
import threading
from typing import Any

logger = logging.getLogger("samvei.matching")


def _warm() -> None:
    from django.db import connections

    from samvei.matching.index import warm_indexes

    try:
        warm_indexes()
    except Exception:  # a worker must start even when the database is not ready; requests load on demand
        logger.exception("Could not load the matching indexes at worker start")
    finally:
        connections.close_all()


def post_worker_init(worker: Any) -> None:
    threading.Thread(target=_warm, name="warm-matching-indexes", daemon=True).start()
