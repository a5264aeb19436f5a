"""SROI for the figures in a JSON file, in the shape `POST /api/v1/impact/sroi` takes: a summary to read, or
with `--json` the API's exact answer. Bad input ends with one line per mistake and exit code 2, never a
traceback, so the command can sit in a script."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from pydantic import ValidationError

from samvei.impact.schemas import SroiRequest, error_lines, sroi_document

EXIT_BAD_INPUT = 2


def _bad_input(message: str) -> CommandError:
    return CommandError(message, returncode=EXIT_BAD_INPUT)


def _read(*, source: str) -> bytes:
    """At most as many bytes as the API accepts in one request, so both refuse the same files."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440
    try:
        if source == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with Path(source).open("rb") as file:
                data = file.read(limit + 1)
    except OSError as error:
        raise _bad_input(_("Cannot read %(file)s: %(reason)s") % {"file": source, "reason": error.strerror}) from error
    if len(data) > limit:
        raise _bad_input(_("%(file)s is larger than %(limit)s bytes.") % {"file": source, "limit": limit})
    return data


def _parse(*, source: str, data: bytes) -> SroiRequest:
    try:
        text = data.decode("utf-8-sig")  # a BOM, as Notepad writes, is not a mistake
    except UnicodeDecodeError as error:
        raise _bad_input(_("%(file)s is not UTF-8 text.") % {"file": source}) from error
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise _bad_input(_("%(file)s is not valid JSON.") % {"file": source}) from error
    if not isinstance(document, dict):
        raise _bad_input(_("%(file)s must hold one JSON object, not a list or a single value.") % {"file": source})
    try:
        return SroiRequest.model_validate(document)
    except ValidationError as error:
        lines = "\n".join(error_lines(errors=error.errors()))
        raise _bad_input(_("Invalid input in %(file)s:\n%(problems)s") % {"file": source, "problems": lines}) from error


def _number(value: float, *, decimals: int, grouping: bool = False) -> str:
    """Rounded first: Django's number_format cuts the decimals off rather than rounding them."""
    return number_format(round(value, decimals), decimal_pos=decimals, use_l10n=True, force_grouping=grouping)


def _money(value: float) -> str:
    return _("NOK %(amount)s") % {"amount": _number(value, decimals=0, grouping=True)}


def _ratio(value: float) -> str:
    return _number(value, decimals=2)


def summary(*, document: dict[str, Any], investment_nok: float) -> list[str]:
    """The answer for a person: the sums, each outcome and the sensitivity test, in the active language."""
    payback = document["payback_months"]
    lines = [
        _("SROI: %(name)s") % {"name": document["name"]} if document["name"] else _("SROI"),
        _("Investment: %(amount)s") % {"amount": _money(investment_nok)},
        _("Present value: %(amount)s") % {"amount": _money(document["present_value_nok"])},
        _("Net present value: %(amount)s") % {"amount": _money(document["net_present_value_nok"])},
        _("SROI ratio: %(ratio)s (social value per krone invested)") % {"ratio": _ratio(document["sroi_ratio"])},
        _("Paid back after %(months)s months") % {"months": _number(payback, decimals=1)}
        if payback is not None
        else _("Not paid back within the outcomes' durations"),
        "",
        _("Outcomes:"),
    ]
    for outcome in document["per_outcome"]:
        years = ", ".join(_money(value) for value in outcome["yearly_values_nok"])
        lines.append(
            _("- %(name)s: present value %(amount)s; by year %(years)s")
            % {"name": outcome["name"], "amount": _money(outcome["present_value_nok"]), "years": years}
        )
    sensitivity = document["sensitivity"]
    adjustments = {
        "deadweight": _("Deadweight"),
        "displacement": _("Displacement"),
        "attribution": _("Attribution"),
        "drop_off": _("Drop-off"),
    }
    lines += ["", _("Sensitivity (the ratio if an adjustment is half or one and a half times as large):")]
    for key, label in adjustments.items():
        lines.append(
            _("- %(adjustment)s: %(minus)s at −50 %%, %(plus)s at +50 %%")
            % {
                "adjustment": label,
                "minus": _ratio(sensitivity[key]["minus_50"]),
                "plus": _ratio(sensitivity[key]["plus_50"]),
            }
        )
    lines.append(
        _("- Discount rate: %(low)s at 2 %%, %(high)s at 6 %%")
        % {"low": _ratio(sensitivity["discount_rate"]["0.02"]), "high": _ratio(sensitivity["discount_rate"]["0.06"])}
    )
    return lines


class Command(BaseCommand):
    help = "Calculate the social return on investment (SROI) for the figures in a JSON file."
    # Pure arithmetic on a file: no database or URLs to check, and a half-configured site must not stop it.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help='a JSON file in the shape POST /api/v1/impact/sroi takes; "-" reads stdin')
        parser.add_argument("--json", action="store_true", help="print the API's JSON answer instead of a summary")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["file"]
        request = _parse(source=source if source != "-" else _("standard input"), data=_read(source=source))
        document = sroi_document(request=request)
        if options["json"]:
            self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
        else:
            self.stdout.write("\n".join(summary(document=document, investment_nok=request.investment_nok)))
