"""Backups with each database's own tools: SQLite's online backup API (a consistent copy while the site runs)
and PostgreSQL's pg_dump/pg_restore in the custom format. Nothing home-made reads or writes rows."""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections


class BackupError(RuntimeError):
    """A backup or restore that could not be made; the message says why in plain words."""


def _settings(using: str) -> dict[str, Any]:
    return dict(connections[using].settings_dict)


def _is_sqlite(settings: dict[str, Any]) -> bool:
    return "sqlite" in str(settings["ENGINE"])


def _pg_env(settings: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    return env


def _pg_args(settings: dict[str, Any]) -> list[str]:
    args = ["--dbname", str(settings["NAME"])]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            args += [flag, str(settings[key])]
    return args


def _run(command: list[str], settings: dict[str, Any]) -> None:
    try:
        # The argument list is ours (tool, flags, the configured database), with no shell in between.
        subprocess.run(command, check=True, capture_output=True, text=True, env=_pg_env(settings))  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed: install the PostgreSQL client tools.") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(f"{command[0]} failed: {error.stderr.strip()}") from error


def _sqlite_source(using: str) -> sqlite3.Connection:
    """The open connection of the site, so an in-memory test database is copied too."""
    connection = connections[using]
    connection.ensure_connection()
    raw: sqlite3.Connection = connection.connection
    return raw


def backup_database(*, path: Path, using: str = "default") -> Path:
    settings = _settings(using)
    path.parent.mkdir(parents=True, exist_ok=True)
    if _is_sqlite(settings):
        with sqlite3.connect(path) as target:
            _sqlite_source(using).backup(target)
        target.close()
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(path), *_pg_args(settings)], settings)
    return path


def restore_database(*, path: Path, using: str = "default") -> None:
    """Replaces every table's content with the backup's. The backup must come from the same kind of database."""
    if not path.is_file():
        raise BackupError(f"There is no backup file at {path}.")
    settings = _settings(using)
    if _is_sqlite(settings):
        try:
            with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source:
                source.execute("PRAGMA schema_version")
                source.backup(_sqlite_source(using))
            source.close()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not an SQLite backup: {error}") from error
        return
    connections[using].close()
    _run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", *_pg_args(settings), str(path)],
        settings,
    )
