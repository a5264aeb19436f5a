from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from samvei.core.backup import BackupError, restore_database


class Command(BaseCommand):
    help = (
        "Replace the database's content with the backup in FILE (made by backup_database on the same kind of database)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restore_database(path=Path(options["file"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored from {options['file']}")
