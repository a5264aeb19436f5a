"""The health check that load balancers and `make run` users poll."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections


def database_is_reachable(*, using: str = DEFAULT_DB_ALIAS) -> bool:
    try:
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT 1")
            return bool(cursor.fetchone() == (1,))
    except DatabaseError:
        return False
