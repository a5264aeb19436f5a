"""Uploaded files are judged by their content, never by their name: a renamed executable stays refused."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
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


def _zip_kind(upload: UploadedFile) -> FileKind | None:
    """DOCX and ODT are zip archives; what is inside tells them apart from any other zip."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names and "[Content_Types].xml" in names:
                return DOCX
            if "mimetype" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return ODT
    except (zipfile.BadZipFile, KeyError, OSError):
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
    kind = detect_kind(upload)
    if kind is None:
        raise ValidationError(
            _("%(name)s is not a PDF, Word (DOCX), OpenDocument text (ODT), PNG or JPEG file.") % {"name": upload.name},
            code="file_type",
        )
    return kind
