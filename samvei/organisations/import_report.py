"""How an import command reports back: the counts on one line, then every rejected row with its position."""

from __future__ import annotations

from django.core.management.base import OutputWrapper
from django.utils.translation import gettext as _

from .importing import ImportReport, InputFormat


def write_import_report(stdout: OutputWrapper, report: ImportReport) -> None:
    stdout.write(
        _("Created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d, rejected: %(rejected)d")
        % {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "rejected": report.rejected_count,
        }
    )
    for rejection in report.rejected:
        values = {"position": rejection.position, "reason": rejection.reason}
        if report.format == InputFormat.JSON_ARRAY:
            stdout.write(_("record %(position)d: %(reason)s") % values)
        else:
            stdout.write(_("line %(position)d: %(reason)s") % values)
    if (unlisted := report.rejected_count - len(report.rejected)) > 0:
        stdout.write(_("… and %(count)d more rejected rows, not listed.") % {"count": unlisted})
