from __future__ import annotations

import sys
from argparse import ArgumentParser
from typing import Any, BinaryIO

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samvei.core.derived import refresh_in_process
from samvei.core.importing import ImportReport, write_import_report
from samvei.organisations.importing import organisations_import


class Command(BaseCommand):
    help = (
        "Import organisations from JSON Lines or from Enhetsregisteret's bulk JSON (plain or .gz); "
        "FILE may be - for standard input. Enhetsregisteret records also fill the local register that "
        "profiles are verified against. Running it again with the same file changes nothing."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", metavar="FILE")
        parser.add_argument("--batch-size", type=int, default=1000, help="Rows written per transaction.")

    def handle(self, *args: Any, **options: Any) -> None:
        """The imported organisations are searchable and matchable when the command ends: their index entries
        and match profiles are computed here, not left to the worker."""
        if options["batch_size"] < 1:
            raise CommandError(_("--batch-size must be at least 1."))
        with refresh_in_process():
            self._import(options["file"], batch_size=options["batch_size"])

    def _import(self, path: str, *, batch_size: int) -> None:
        if path == "-":
            self._report(organisations_import(stream=sys.stdin.buffer, batch_size=batch_size))
            return
        try:
            file: BinaryIO = open(path, "rb")  # noqa: SIM115 (closed below, after the error is told apart)
        except OSError as error:
            raise CommandError(_("Cannot read %(path)s: %(error)s") % {"path": path, "error": error.strerror}) from None
        with file:
            self._report(organisations_import(stream=file, batch_size=batch_size))

    def _report(self, report: ImportReport) -> None:
        write_import_report(self.stdout, report)
