"""The health check that load balancers and `make run` users poll, and how a database outage is recognised."""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, DatabaseError, InterfaceError, OperationalError, connections

# How long clients are asked to wait (the Retry-After header) while the database does not answer.
RETRY_AFTER_SECONDS = 30

# Raised by Django's database wrappers when the server cannot be reached (refused, timed out, dropped), as
# opposed to an error in a query, which stays a 500.
DATABASE_OUTAGES: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


def database_is_reachable(*, using: str = DEFAULT_DB_ALIAS) -> bool:
    try:
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT 1")
            return bool(cursor.fetchone() == (1,))
    except DatabaseError:
        return False


def is_database_outage(error: BaseException | None) -> bool:
    """Whether `error`, or an error it was raised from or while handling, says the database is unreachable."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, DATABASE_OUTAGES):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False
