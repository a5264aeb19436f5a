"""Imports organisations from JSON Lines or from Enhetsregisteret's bulk JSON array, plain or gzip-compressed.

Reading is streamed and writing is batched, so memory stays flat from a hundred rows to Enhetsregisteret's
million. The organisation number is the key, so importing the same file again changes nothing. Checking a row
lives in `import_rows`; this module detects the format, reads records and writes batches."""

from __future__ import annotations

import enum
import gzip
import io
import json
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

import ijson
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.core.text import norwegian_slugify

from .import_rows import ImportRow, References, RowRejected, row_from_record
from .models import Organisation, OrganisationEvent, organisation_search_text
from .services import free_slug

BATCH_SIZE = 1000
MAX_STORED_REJECTIONS = 10_000
GZIP_MAGIC = b"\x1f\x8b"
UTF8_BOM = b"\xef\xbb\xbf"
WHITESPACE = b" \t\r\n"
READ_SIZE = 64 * 1024
DAMAGED_GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)

# Each many-to-many relation the import may own: its through model and the column naming the other side.
RELATIONS: tuple[tuple[str, type[models.Model], str], ...] = (
    ("municipalities", Organisation.municipalities.through, "municipality_id"),
    ("welfare_areas", Organisation.welfare_areas.through, "welfarearea_id"),
    ("target_groups", Organisation.target_groups.through, "targetgroup_id"),
)


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

    def reject(self, rejection: Rejection) -> None:
        """Keeps the first reasons and only counts the rest, so that a file of garbage cannot exhaust memory."""
        self.rejected_count += 1
        if len(self.rejected) < MAX_STORED_REJECTIONS:
            self.rejected.append(rejection)


@dataclass(frozen=True, slots=True)
class Record:
    position: int
    value: object


def organisations_import(*, stream: BinaryIO, batch_size: int = BATCH_SIZE) -> ImportReport:
    """Creates or updates an organisation per valid row, and reports every other row without storing any of it.

    Holds at most one batch of rows; each batch is written in its own transaction, so an import that stops
    half-way keeps the batches before and can simply be run again."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    input_format, records = _read_records(stream=stream)
    report = ImportReport(format=input_format)
    references = References.load()
    batch: dict[str, ImportRow] = {}  # a later row with the same organisation number replaces the earlier one
    for record in records:
        if isinstance(record, Rejection):
            report.reject(record)
            continue
        try:
            row = row_from_record(record.value, references=references)
        except RowRejected as rejected:
            report.reject(Rejection(position=record.position, reason=rejected.reason))
            continue
        batch[row.org_number] = row
        if len(batch) >= batch_size:
            _write_batch(rows=list(batch.values()), report=report)
            batch.clear()
    if batch:
        _write_batch(rows=list(batch.values()), report=report)
    return report


# Reading ---------------------------------------------------------------------------------------------------


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


def _read_records(*, stream: BinaryIO) -> tuple[InputFormat, Iterator[Record | Rejection]]:
    """Detects gzip by its magic bytes and an array by a leading `[`; anything else is read as JSON Lines."""
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
        for line_number, line in enumerate(reader, start=skipped_lines + 1):
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


def _json_array(reader: io.BufferedReader | gzip.GzipFile) -> Iterator[Record | Rejection]:
    position = 0
    try:
        for position, value in enumerate(ijson.items(reader, "item", use_float=True), start=1):
            yield Record(position=position, value=value)
    except (ijson.JSONError, UnicodeDecodeError) as error:
        reason = _(
            "broken JSON: %(error)s. The rest of the file was not read: a broken array cannot be resynchronised."
        )
        yield Rejection(position=position + 1, reason=reason % {"error": _first_line(error)})
    except DAMAGED_GZIP_ERRORS as error:
        yield _damaged(position=position + 1, error=error)


def _damaged(*, position: int, error: BaseException) -> Rejection:
    reason = _("the compressed file is damaged: %(error)s. The rest of the file was not read.")
    return Rejection(position=position, reason=reason % {"error": _first_line(error)})


def _first_line(error: BaseException) -> str:
    """yajl's messages draw an arrow under the input on further lines; one line per rejection is enough."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


# Writing ---------------------------------------------------------------------------------------------------


@transaction.atomic
def _write_batch(*, rows: list[ImportRow], report: ImportReport) -> None:
    """One transaction and a fixed number of queries per batch, however large it is."""
    existing = Organisation.objects.in_bulk([row.org_number for row in rows], field_name="org_number")
    created: list[Organisation] = []
    changed: list[Organisation] = []
    changed_fields: set[str] = set()
    organisations: list[Organisation] = []
    for row in rows:
        organisation = existing.get(row.org_number)
        if organisation is None:
            organisation = Organisation(org_number=row.org_number, slug=_slug(row), **row.fields)
            created.append(organisation)
        elif fields := [name for name, value in row.fields.items() if getattr(organisation, name) != value]:
            for name in fields:
                setattr(organisation, name, row.fields[name])
            changed.append(organisation)
            changed_fields.update(fields)
        organisations.append(organisation)

    now = timezone.now()
    for organisation in [*created, *changed]:
        # bulk_create and bulk_update bypass save(), which keeps search_text and updated_at current.
        organisation.search_text = organisation_search_text(organisation)
        organisation.updated_at = now
    _free_slugs(created)
    Organisation.objects.bulk_create(created)
    if changed:
        Organisation.objects.bulk_update(changed, [*sorted(changed_fields), "search_text", "updated_at"])

    new_ids = {organisation.pk for organisation in created}
    updated_ids = {organisation.pk for organisation in changed}
    relinked_ids = _sync_relations(pairs=list(zip(organisations, rows, strict=True)), new_ids=new_ids) - new_ids
    if relinked_only := relinked_ids - updated_ids:
        Organisation.objects.filter(pk__in=relinked_only).update(updated_at=now)
    updated_ids |= relinked_ids

    OrganisationEvent.objects.bulk_create(
        OrganisationEvent(
            organisation=organisation,
            kind=OrganisationEvent.Kind.IMPORTED,
            actor=None,
            detail={"created": organisation.pk in new_ids},
        )
        for organisation in organisations
        if organisation.pk in new_ids or organisation.pk in updated_ids
    )
    report.created += len(new_ids)
    report.updated += len(updated_ids)
    report.unchanged += len(rows) - len(new_ids) - len(updated_ids)


def _slug(row: ImportRow) -> str:
    name = norwegian_slugify(row.fields["name"])[:200].rstrip("-") or "organisasjon"
    return f"{name}-{row.org_number}"


def _free_slugs(created: list[Organisation]) -> None:
    """Slugs carry the organisation number, so they clash only with an organisation whose number was changed
    after it was imported; such a rare clash gets a counter instead of failing the whole batch."""
    if not created:
        return
    taken = set(Organisation.objects.filter(slug__in=[org.slug for org in created]).values_list("slug", flat=True))
    for organisation in created:
        if organisation.slug in taken:
            organisation.slug = free_slug(organisation.slug)


def _sync_relations(*, pairs: list[tuple[Organisation, ImportRow]], new_ids: set[int]) -> set[int]:
    """Makes each relation a row gives equal to it, through the through tables (one read, at most one delete
    and one insert per relation); returns the ids of the organisations whose links changed."""
    relinked: set[int] = set()
    for relation, through, target in RELATIONS:
        wanted = {org.pk: row.relations[relation] for org, row in pairs if relation in row.relations}
        current: defaultdict[int, dict[int, int]] = defaultdict(dict)  # organisation -> target -> link
        if existing_ids := [pk for pk in wanted if pk not in new_ids]:
            links = through._default_manager.filter(organisation_id__in=existing_ids)
            for link_id, organisation_id, target_id in links.values_list("pk", "organisation_id", target):
                current[organisation_id][target_id] = link_id
        stale = [
            link_id
            for organisation_id, links_by_target in current.items()
            for target_id, link_id in links_by_target.items()
            if target_id not in wanted[organisation_id]
        ]
        missing = [
            through(organisation_id=organisation_id, **{target: target_id})
            for organisation_id, target_ids in wanted.items()
            for target_id in target_ids - current[organisation_id].keys()
        ]
        if stale:
            through._default_manager.filter(pk__in=stale).delete()
        through._default_manager.bulk_create(missing)
        relinked.update(link.organisation_id for link in missing)  # type: ignore[attr-defined]
        relinked.update(org_id for org_id, links in current.items() if links.keys() - wanted[org_id])
    return relinked
