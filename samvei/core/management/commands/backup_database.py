from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from samvei.core.backup import BackupError, backup_database


class Command(BaseCommand):
    help = "Back up the database to FILE (default var/backups/samvei-<date and time>.<sqlite3|dump>)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"]) if options["file"] else _default_path()
        try:
            written = backup_database(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up to {written}")


def _default_path() -> Path:
    suffix = "sqlite3" if connection.vendor == "sqlite" else "dump"
    return Path("var/backups") / f"samvei-{timezone.now():%Y%m%d-%H%M%S}.{suffix}"
