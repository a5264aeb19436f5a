"""What every import shares: reading JSON Lines or a JSON array (plain or gzip) as a stream of records, refusing
a row with a translated reason, and reporting counts and rejections back to the command that ran it.

Apps keep only what is theirs: how a record becomes a row, and how a batch of rows is written."""

from __future__ import annotations

import enum
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

import ijson
from django.core.management.base import OutputWrapper
from django.utils.translation import gettext as _
from ijson.common import ObjectBuilder

MAX_STORED_REJECTIONS = 10_000
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"
WHITESPACE = b" \t\r\n"
READ_SIZE = 64 * 1024
DAMAGED_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)
# A record is a flat object with a few lists: far below these. Above them a line or a record is refused, so a
# hostile file cannot make one line fill memory or make the parser's work grow with the square of its depth.
MAX_LINE_BYTES = 1024 * 1024
MAX_RECORD_DEPTH = 32
CONTAINER_STARTS = frozenset({"start_map", "start_array"})
CONTAINER_ENDS = frozenset({"end_map", "end_array"})


class RowRejected(Exception):
    """Raised with the translated reason a record is not imported."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def within_limit(value: str, *, field: str, limit: int) -> str:
    """`value`, or the row refused when it is longer than its field may be (`samvei.core.limits`)."""
    if len(value) > limit:
        raise RowRejected(_("%(field)s is longer than %(limit)d characters") % {"field": field, "limit": limit})
    return value


class InputFormat(enum.StrEnum):
    JSON_LINES = "jsonl"  # positions are line numbers
    JSON_ARRAY = "array"  # positions are 1-based record numbers


@dataclass(frozen=True, slots=True)
class Rejection:
    position: int
    reason: str


@dataclass
class ImportReport:
    format: InputFormat = InputFormat.JSON_LINES
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    rejected_count: int = 0
    max_stored: int = MAX_STORED_REJECTIONS

    def reject(self, rejection: Rejection) -> None:
        """Keeps the first reasons and only counts the rest, so that a file of garbage cannot exhaust memory."""
        self.rejected_count += 1
        if len(self.rejected) < self.max_stored:
            self.rejected.append(rejection)

    def summary(self) -> str:
        """The report's first line; an import that counts more (such as register entries) adds to it."""
        return _("Created: %(created)d, updated: %(updated)d, unchanged: %(unchanged)d, rejected: %(rejected)d") % {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": self.rejected_count,
        }


def write_import_report(stdout: OutputWrapper, report: ImportReport) -> None:
    """The counts on one line, then every rejected row with its position."""
    stdout.write(report.summary())
    for rejection in report.rejected:
        values = {"position": rejection.position, "reason": rejection.reason}
        if report.format == InputFormat.JSON_ARRAY:
            stdout.write(_("record %(position)d: %(reason)s") % values)
        else:
            stdout.write(_("line %(position)d: %(reason)s") % values)
    if (unlisted := report.rejected_count - len(report.rejected)) > 0:
        stdout.write(_("… and %(count)d more rejected rows, not listed.") % {"count": unlisted})


# Reading ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Record:
    position: int
    value: object


class _Unread(io.RawIOBase):
    """A stream with the bytes read to detect its format put back in front, so that stdin works too."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            data, self._head = self._head[: len(buffer)], self._head[len(buffer) :]
        else:
            data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def read_records(*, stream: BinaryIO) -> tuple[InputFormat, Iterator[Record | Rejection]]:
    """Detects gzip by its magic bytes and an array by a leading `[`; anything else is read as JSON Lines.
    Streams: memory stays flat however large the file is."""
    head = stream.read(READ_SIZE)
    reader: io.BufferedReader | gzip.GzipFile = io.BufferedReader(_Unread(head, stream), buffer_size=READ_SIZE)
    if head.startswith(GZIP_MAGIC):
        reader = gzip.GzipFile(fileobj=reader, mode="rb")
    try:
        first, skipped_lines = _first_byte(reader)
    except DAMAGED_GZIP_ERRORS as error:
        return InputFormat.JSON_LINES, iter([_damaged(position=1, error=error)])
    if first == b"[":
        return InputFormat.JSON_ARRAY, _json_array(reader)
    return InputFormat.JSON_LINES, _json_lines(reader, skipped_lines=skipped_lines)


def _first_byte(reader: io.BufferedReader | gzip.GzipFile) -> tuple[bytes, int]:
    """The first byte after a byte-order mark and whitespace, and the number of lines consumed to find it."""
    if reader.peek(len(UTF8_BOM)).startswith(UTF8_BOM):
        reader.read(len(UTF8_BOM))
    skipped_lines = 0
    while chunk := reader.peek(1):
        if stripped := chunk.lstrip(WHITESPACE):
            return stripped[:1], skipped_lines
        skipped_lines += chunk.count(b"\n")
        reader.read(len(chunk))
    return b"", skipped_lines


def _json_lines(reader: io.BufferedReader | gzip.GzipFile, *, skipped_lines: int) -> Iterator[Record | Rejection]:
    line_number = skipped_lines
    try:
        for line_number, line in enumerate(_bounded_lines(reader), start=skipped_lines + 1):
            if line is None:
                reason = _("the line is longer than %(limit)d bytes") % {"limit": MAX_LINE_BYTES}
                yield Rejection(position=line_number, reason=reason)
                continue
            if not line.strip():
                continue
            try:
                value = json.loads(line)
            except (ValueError, RecursionError) as error:  # RecursionError: nesting deeper than Python's stack
                yield Rejection(position=line_number, reason=_("broken JSON: %(error)s") % {"error": error})
            else:
                yield Record(position=line_number, value=value)
    except DAMAGED_GZIP_ERRORS as error:
        yield _damaged(position=line_number + 1, error=error)


def _bounded_lines(reader: io.BufferedReader | gzip.GzipFile) -> Iterator[bytes | None]:
    """Each line, or None for a line over the limit, whose rest is read past in small pieces and dropped."""
    while line := reader.readline(MAX_LINE_BYTES + 1):
        if len(line) <= MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while (rest := reader.readline(READ_SIZE)) and not rest.endswith(b"\n"):
            pass
        yield None


def _json_array(reader: io.BufferedReader | gzip.GzipFile) -> Iterator[Record | Rejection]:
    items = _ArrayItems()
    try:
        yield from items.read(reader)
    except (ijson.JSONError, UnicodeDecodeError) as error:
        reason = _(
            "broken JSON: %(error)s. The rest of the file was not read: a broken array cannot be resynchronised."
        )
        yield Rejection(position=items.finished + 1, reason=reason % {"error": _first_line(error)})
    except DAMAGED_GZIP_ERRORS as error:
        yield _damaged(position=items.finished + 1, error=error)


class _ArrayItems:
    """The items of a top-level array, built from the parser's plain events. ijson.items would be simpler, but it
    tracks a path prefix per event, which makes a deeply nested file cost the square of its depth."""

    def __init__(self) -> None:
        self.position = 0  # the number of the item being read
        self.finished = 0  # how many items were read to their end

    def read(self, reader: io.BufferedReader | gzip.GzipFile) -> Iterator[Record | Rejection]:
        depth = 0  # 1 inside the top-level array
        builder = ObjectBuilder()
        too_deep = False
        for event, value in ijson.basic_parse(reader, use_float=True):
            if event in CONTAINER_STARTS:
                depth += 1
                if depth == 1:
                    continue
                if depth == 2:
                    self.position += 1
                    builder, too_deep = ObjectBuilder(), False
                too_deep = too_deep or depth - 1 > MAX_RECORD_DEPTH
            elif event in CONTAINER_ENDS:
                depth -= 1
                if depth == 0:
                    continue
            elif depth == 1:
                self.position = self.finished = self.position + 1
                yield Record(position=self.position, value=value)
                continue
            if not too_deep:
                builder.event(event, value)
            if depth == 1:
                yield self._finished(builder=builder, too_deep=too_deep)

    def _finished(self, *, builder: ObjectBuilder, too_deep: bool) -> Record | Rejection:
        self.finished = self.position
        if too_deep:
            reason = _("the record is nested deeper than %(limit)d levels") % {"limit": MAX_RECORD_DEPTH}
            return Rejection(position=self.position, reason=reason)
        return Record(position=self.position, value=builder.value)


def _damaged(*, position: int, error: BaseException) -> Rejection:
    reason = _("the compressed file is damaged: %(error)s. The rest of the file was not read.")
    return Rejection(position=position, reason=reason % {"error": _first_line(error)})


def _first_line(error: BaseException) -> str:
    """yajl's messages draw an arrow under the input on further lines; one line per rejection is enough."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]
