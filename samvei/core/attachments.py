"""Uploaded files are judged by their content, never by their name: a renamed executable stays refused."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5
# One submission with every file at its largest, and room for the form around them.
MAX_REQUEST_BYTES = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 1024 * 1024
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extension: str


PDF = FileKind("application/pdf", "pdf")
PNG = FileKind("image/png", "png")
JPEG = FileKind("image/jpeg", "jpg")
DOCX = FileKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
ODT = FileKind("application/vnd.oasis.opendocument.text", "odt")


# Limits for reading an archive's directory. Nothing is inflated but the tiny `mimetype` entry, and that only
# up to its known length, so a small upload can never grow into gigabytes while it is checked.
MAX_ARCHIVE_MEMBERS = 2000
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200
MACRO_OR_PROGRAM_PARTS = ("vbaproject.bin", ".exe", ".dll", ".bat", ".cmd", ".com", ".scr", ".js", ".vbs", ".ps1")


class ArchiveRefused(ValueError):
    """The archive is too large when unpacked, too compressed, or carries macros or programs."""


def _check_directory(archive: zipfile.ZipFile) -> set[str]:
    """Judge the archive by its central directory alone; returns its member names."""
    members = archive.infolist()
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise ArchiveRefused("members")
    total = 0
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER_BYTES or ratio > MAX_COMPRESSION_RATIO:
            raise ArchiveRefused("member")
        total += member.file_size
        if member.filename.lower().endswith(MACRO_OR_PROGRAM_PARTS):
            raise ArchiveRefused("program")
    if total > MAX_ARCHIVE_BYTES:
        raise ArchiveRefused("total")
    return {member.filename for member in members}


def _zip_kind(upload: UploadedFile) -> FileKind | None:
    """DOCX and ODT are zip archives; what is inside tells them apart from any other zip. Raises ArchiveRefused."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = _check_directory(archive)
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                with archive.open("[Content_Types].xml") as types:
                    if b"macroEnabled" in types.read(64 * 1024):
                        raise ArchiveRefused("program")
                return DOCX
            if "mimetype" in names:
                with archive.open("mimetype") as mimetype:
                    if mimetype.read(len(ODT_MIMETYPE) + 2).strip() == ODT_MIMETYPE:
                        return ODT
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, NotImplementedError, RuntimeError):
        return None
    return None


def detect_kind(upload: UploadedFile) -> FileKind | None:
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
        upload.seek(0)
        return kind
    return None


def validate_attachment(upload: UploadedFile) -> FileKind:
    """Returns the detected kind, or raises a translated ValidationError."""
    if upload.size is None or upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("%(name)s is larger than %(limit)s.")
            % {"name": upload.name, "limit": filesizeformat(MAX_ATTACHMENT_BYTES)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": upload.name}, code="empty")
    try:
        kind = detect_kind(upload)
    except ArchiveRefused:
        upload.seek(0)
        raise ValidationError(
            _(
                "%(name)s cannot be checked safely: it unpacks to far more than it weighs, or contains macros or "
                "programs. Save it as PDF and try again."
            )
            % {"name": upload.name},
            code="unsafe_archive",
        ) from None
    if kind is None:
        raise ValidationError(
            _("%(name)s is not a PDF, Word (DOCX), OpenDocument text (ODT), PNG or JPEG file.") % {"name": upload.name},
            code="file_type",
        )
    return kind


def validate_attachments(uploads: Iterable[UploadedFile]) -> list[tuple[UploadedFile, FileKind]]:
    """Check every file before anything is stored, so one bad file refuses the whole submission; returns each
    file with the kind its content showed."""
    uploads = list(uploads)
    if len(uploads) > MAX_ATTACHMENTS:
        raise ValidationError(_("Attach at most %(limit)d files.") % {"limit": MAX_ATTACHMENTS}, code="too_many_files")
    errors: list[ValidationError] = []
    files = []
    for upload in uploads:
        try:
            files.append((upload, validate_attachment(upload)))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return files


def download_name(original: str, kind: FileKind) -> str:
    """The name a file is offered under: the sender's name without any of its extensions, and the extension of
    what the content is, so «report.pdf.html» or «budget.pdf.cmd» reach the reader as a PDF named as one."""
    name = PurePath(original.replace("\\", "/")).name
    stem = name.split(".", 1)[0].strip() or "vedlegg"
    safe = "".join(ch for ch in stem if ch.isprintable() and ch not in '"/\\:*?<>|')[:100].strip() or "vedlegg"
    return f"{safe}.{kind.extension}"
