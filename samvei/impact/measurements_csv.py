"""Measurements from a spreadsheet: a CSV file with a header row `dato;verdi;merknad` or `date,value,note`, as
Excel in Norway saves it (semicolons, decimal comma, dates as 01.03.2026) or as anything else writes it (commas,
decimal point, ISO dates). Good rows are saved and bad rows are listed with their row number and the reason, so
that one typo does not cost the whole file; a file that is no CSV at all is refused and nothing is saved.

The parser is pure (bytes in, rows and rejections out); `measurements_import` saves."""

from __future__ import annotations

import csv
import datetime
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.collaborations.services import collaboration_event_record
from samvei.core.importing import UTF8_BOM, Rejection, RowRejected, within_limit
from samvei.core.limits import SHORT_TEXT

from .models import Indicator, Measurement

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
HEADERS = (("dato", "verdi", "merknad"), ("date", "value", "note"))
MAX_INTEGER_DIGITS = 12  # Measurement.value: 16 digits, 4 of them decimals
MAX_DECIMALS = 4
NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?: \d{3})+|\d+)(?:[.,]\d+)?")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NORWEGIAN_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
# No-break and narrow no-break spaces group thousands where Norwegian formatting puts them; U+2212 is the minus
# sign that typeset numbers use.
NUMBER_CHARACTERS = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2212": "-"})


def parse_number(text: str) -> Decimal:
    """«3,5», «3.5», «1 234,5» and «-2»; a value that would not fit the database is refused, not rounded."""
    cleaned = text.strip().translate(NUMBER_CHARACTERS)
    if not cleaned:
        raise RowRejected(_("the value is missing"))
    if not NUMBER.fullmatch(cleaned):
        raise RowRejected(_("«%(value)s» is not a number") % {"value": text.strip()[:40]})
    value = Decimal(cleaned.replace(" ", "").replace(",", "."))
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and -exponent > MAX_DECIMALS:
        raise RowRejected(_("the value has more than %(count)d decimals") % {"count": MAX_DECIMALS})
    if abs(value) >= Decimal(10) ** MAX_INTEGER_DIGITS:
        raise RowRejected(_("the value is too large"))
    return value


def parse_day(text: str) -> datetime.date:
    """ISO (2026-03-01) or Norwegian (01.03.2026); nothing in between, so that 03/01 is never read wrongly."""
    cleaned = text.strip()
    try:
        if ISO_DATE.fullmatch(cleaned):
            return datetime.date.fromisoformat(cleaned)
        if match := NORWEGIAN_DATE.fullmatch(cleaned):
            day, month, year = (int(part) for part in match.groups())
            return datetime.date(year, month, day)
    except ValueError:
        pass
    raise RowRejected(_("«%(value)s» is not a date (write 01.03.2026 or 2026-03-01)") % {"value": cleaned[:40]})


@dataclass(frozen=True)
class ParsedRow:
    row: int
    measured_on: datetime.date
    value: Decimal
    note: str


@dataclass
class ParsedFile:
    rows: list[ParsedRow] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)


def _refused(message: str, code: str) -> ValidationError:
    return ValidationError({"file": ValidationError(message, code=code)})


def _text(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise _refused(_("The file is larger than 1 MB. Split it into smaller files."), "too_large")
    if b"\x00" in data:
        raise _refused(_("The file is not a CSV file. Save the spreadsheet as CSV and try again."), "binary")
    try:
        text = data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError:
        raise _refused(
            _("The file is not in UTF-8. In Excel, save it as «CSV UTF-8 (comma delimited)» and try again."),
            "encoding",
        ) from None
    if not text.strip():
        raise _refused(_("The file is empty."), "empty")
    return text


def _header(line: str) -> tuple[str, int]:
    """The delimiter and the number of columns, from a header row in either language."""
    delimiter = ";" if ";" in line else ","
    names = tuple(name.strip().strip('"').strip().lower() for name in line.split(delimiter))
    for header in HEADERS:
        if len(names) in (2, 3) and names == header[: len(names)]:
            return delimiter, len(names)
    raise _refused(
        _("The first row must name the columns: «dato;verdi;merknad» or «date,value,note»."),
        "header",
    )


class _Rows:
    """Checks each data row against the rules a measurement has, and against the rows before it."""

    def __init__(self, *, today: datetime.date, known: set[datetime.date], columns: int, delimiter: str) -> None:
        self.today, self.known, self.columns, self.delimiter = today, known, columns, delimiter
        self.seen: dict[datetime.date, int] = {}

    def check(self, row: int, cells: list[str]) -> ParsedRow:
        if len(cells) > self.columns:
            raise RowRejected(
                _("the row has %(count)d columns, but the header names %(columns)d")
                % {"count": len(cells), "columns": self.columns}
            )
        cells = cells + [""] * (3 - len(cells))
        measured_on, value = parse_day(cells[0]), parse_number(cells[1])
        note = within_limit(cells[2].strip(), field=_("the note"), limit=SHORT_TEXT)
        if self.delimiter == "," and note.isdecimal() and "," not in cells[1]:
            raise RowRejected(
                _(
                    "«%(value)s,%(note)s» looks like one number with a decimal comma: put it in quotes, or separate "
                    "the columns with semicolons"
                )
                % {"value": cells[1].strip(), "note": note[:10]}
            )
        if measured_on > self.today:
            raise RowRejected(_("the date is in the future"))
        if measured_on in self.seen:
            raise RowRejected(_("the date is also on row %(row)d") % {"row": self.seen[measured_on]})
        if measured_on in self.known:
            raise RowRejected(
                _("%(date)s already has a value") % {"date": date_format(measured_on, "SHORT_DATE_FORMAT")}
            )
        self.seen[measured_on] = row
        return ParsedRow(row=row, measured_on=measured_on, value=value, note=note)


def _split_header(text: str) -> tuple[str, str, int]:
    """The header row (the first that is not blank), the text after it, and how many lines it ends on."""
    offset = lines = 0
    for line in io.StringIO(text, newline=""):
        offset, lines = offset + len(line), lines + 1
        if line.strip():
            return line, text[offset:], lines
    raise _refused(_("The file is empty."), "empty")


def parse_measurements(*, data: bytes, today: datetime.date, known: set[datetime.date]) -> ParsedFile:
    """The good rows and the rejected ones of a file; `known` are the days the indicator already has a value for.
    Rows are numbered as the lines of the file, the header being row 1 when it is first. Raises ValidationError
    when the whole file is refused: too large, too many rows, not a CSV, not UTF-8, or no header."""
    header, rest, header_lines = _split_header(_text(data))
    delimiter, columns = _header(header)
    checker = _Rows(today=today, known=known, columns=columns, delimiter=delimiter)
    parsed = ParsedFile()
    reader = csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(parsed.rows) + len(parsed.rejected) >= MAX_ROWS:
                raise _refused(_("The file has more than 5 000 rows. Split it into smaller files."), "too_many_rows")
            row = header_lines + reader.line_num
            try:
                parsed.rows.append(checker.check(row, cells))
            except RowRejected as error:
                parsed.rejected.append(Rejection(position=row, reason=error.reason))
    except csv.Error:
        raise _refused(_("The file could not be read as CSV."), "broken") from None
    if not parsed.rows and not parsed.rejected:
        raise _refused(_("The file has no measurements below the row with the column names."), "no_rows")
    return parsed


@dataclass(frozen=True)
class ImportResult:
    saved: int
    rejected: list[Rejection]


@transaction.atomic
def measurements_import(*, indicator: Indicator, actor: User, data: bytes) -> ImportResult:
    """Saves the good rows of a file at once. The indicator is locked while its days are compared, so that two
    uploads at the same time cannot both save a value for the same day."""
    locked = Indicator.objects.select_for_update().select_related("collaboration").get(pk=indicator.pk)
    known = set(locked.measurements.values_list("measured_on", flat=True))
    parsed = parse_measurements(data=data, today=timezone.localdate(), known=known)
    Measurement.objects.bulk_create(
        Measurement(indicator=locked, measured_on=row.measured_on, value=row.value, note=row.note, entered_by=actor)
        for row in parsed.rows
    )
    if parsed.rows:
        _record(locked, actor=actor, count=len(parsed.rows))
    return ImportResult(saved=len(parsed.rows), rejected=parsed.rejected)


def _record(indicator: Indicator, *, actor: User, **data: Any) -> None:
    collaboration_event_record(
        collaboration=indicator.collaboration,
        kind="measurements_added",
        actor=actor,
        name=indicator.name,
        indicator=indicator.pk,
        **data,
    )
