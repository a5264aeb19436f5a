import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from samvei.core.attachments import MAX_ATTACHMENT_BYTES, validate_attachment

PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG_BYTES = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT_BYTES = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("plan.pdf", PDF_BYTES, "application/pdf"),
        ("bilde.png", PNG_BYTES, "image/png"),
        ("foto.jpg", JPEG_BYTES, "image/jpeg"),
        ("notat.docx", DOCX_BYTES, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("notat.odt", ODT_BYTES, "application/vnd.oasis.opendocument.text"),
    ],
)
def test_allowed_kinds_are_recognised_by_content(name, content, content_type):
    assert validate_attachment(SimpleUploadedFile(name, content)).content_type == content_type


def test_the_name_does_not_matter_only_the_content():
    kind = validate_attachment(SimpleUploadedFile("rapport.exe", PDF_BYTES))

    assert kind.extension == "pdf"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("program.pdf", b"MZ\x90\x00" + b"\x00" * 64),
        ("side.pdf", b"<html><script>alert(1)</script></html>"),
        ("arkiv.docx", _zip({"readme.txt": b"hei"})),
        ("tom.pdf", b""),
    ],
)
def test_disguised_or_empty_files_are_refused(name, content):
    with pytest.raises(ValidationError):
        validate_attachment(SimpleUploadedFile(name, content))


def test_files_over_ten_megabytes_are_refused_with_the_limit_named():
    big = SimpleUploadedFile("stor.pdf", PDF_BYTES + b"0" * MAX_ATTACHMENT_BYTES)

    with pytest.raises(ValidationError, match="10"):
        validate_attachment(big)


def _deflated(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


BOMB_MEMBER = b"\x00" * (20 * 1024 * 1024)  # 20 MB of zeros deflates to about 20 KB


@pytest.mark.parametrize(
    "entries",
    [
        {"mimetype": BOMB_MEMBER},
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": BOMB_MEMBER},
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": BOMB_MEMBER},
    ],
    ids=["huge-mimetype", "odt-bomb", "docx-bomb"],
)
def test_a_zip_bomb_is_refused_without_unpacking_it(entries):
    import tracemalloc

    upload = SimpleUploadedFile("notat.odt", _deflated(entries))
    tracemalloc.start()
    with pytest.raises(ValidationError) as refused:
        validate_attachment(upload)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert refused.value.code == "unsafe_archive"
    assert peak < 2 * 1024 * 1024


@pytest.mark.parametrize(
    "entries",
    [
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>", "word/vbaProject.bin": b"x"},
        {"[Content_Types].xml": b'<Override ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/>',
         "word/document.xml": b"<w:document/>"},
        {"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>", "word/media/setup.exe": b"MZ"},
    ],
    ids=["vba-project", "macro-enabled-type", "program-inside"],
)  # fmt: skip
def test_word_files_with_macros_or_programs_are_refused(entries):
    with pytest.raises(ValidationError) as refused:
        validate_attachment(SimpleUploadedFile("tilbud.docx", _zip(entries)))

    assert refused.value.code == "unsafe_archive"


def test_an_archive_with_too_many_members_is_refused():
    entries = {"mimetype": b"application/vnd.oasis.opendocument.text"} | {f"f{n}.xml": b"" for n in range(2001)}

    with pytest.raises(ValidationError) as refused:
        validate_attachment(SimpleUploadedFile("mange.odt", _zip(entries)))

    assert refused.value.code == "unsafe_archive"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("report.pdf.html", "report.pdf"),
        ("budget.pdf.cmd", "budget.pdf"),
        ("..\\..\\windows\\tilbud.hta", "tilbud.pdf"),
        ("../../etc/passwd", "passwd.pdf"),
        ('navn"med;rart.pdf', "navnmed;rart.pdf"),
        ("", "vedlegg.pdf"),
        (".pdf", "vedlegg.pdf"),
        ("Søknad om tilskudd.pdf", "Søknad om tilskudd.pdf"),
    ],
)
def test_the_download_name_keeps_the_senders_name_and_the_detected_extension(original, expected):
    from samvei.core.attachments import PDF, download_name

    assert download_name(original, PDF) == expected


def test_more_files_than_allowed_are_refused_as_a_whole():
    from samvei.core.attachments import MAX_ATTACHMENTS, validate_attachments

    with pytest.raises(ValidationError) as refused:
        validate_attachments([SimpleUploadedFile(f"{n}.pdf", PDF_BYTES) for n in range(MAX_ATTACHMENTS + 1)])

    assert refused.value.error_list[0].code == "too_many_files"
