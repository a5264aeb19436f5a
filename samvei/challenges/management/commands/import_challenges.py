import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samvei.challenges.importing import challenges_import
from samvei.core.derived import refresh_in_process
from samvei.core.importing import ImportReport, write_import_report


class Command(BaseCommand):
    help = "Import challenges from JSON Lines (ref, municipality, title, description, deadline, welfare_areas, target_groups)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", metavar="FILE", help="A .jsonl file, or - for standard input.")

    def handle(self, *args: Any, **options: Any) -> None:
        """The imported challenges are searchable and matchable when the command ends: their index entries and
        match profiles are computed here, not left to the worker."""
        with refresh_in_process():
            self._import(options["file"])

    def _import(self, path: str) -> None:
        if path == "-":
            self._report(challenges_import(stream=sys.stdin.buffer))
            return
        try:
            with open(path, "rb") as file:
                self._report(challenges_import(stream=file))
        except OSError as error:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}) from None

    def _report(self, report: ImportReport) -> None:
        write_import_report(self.stdout, report)
