"""The text an uncompressed WeasyPrint PDF draws, decoded through each font's ToUnicode map.

WeasyPrint writes glyph ids, not letters, so a name never appears as plain bytes; reading it back through the
maps is the honest check that the PDF shows it."""

import re

OBJECT = re.compile(rb"(\d+) 0 obj\s*(.*?)\s*endobj", re.DOTALL)
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


def _objects(pdf):
    return {int(number): body for number, body in OBJECT.findall(pdf)}


def _unicode_map(cmap):
    mapping = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.DOTALL):
        for source, target in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            mapping[int(source, 16)] = bytes.fromhex(target.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.DOTALL):
        for start, end, target in re.findall(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            text = bytes.fromhex(target.decode()).decode("utf-16-be")
            for offset, glyph in enumerate(range(int(start, 16), int(end, 16) + 1)):
                mapping[glyph] = text[:-1] + chr(ord(text[-1]) + offset)
    return mapping


def _fonts(objects):
    """Font resource name → glyph map: every `/Name n 0 R` that points at a font with a ToUnicode map."""
    fonts = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(\w+) (\d+) 0 R", body):
            to_unicode = re.search(rb"/ToUnicode (\d+) 0 R", objects.get(int(number), b""))
            stream = to_unicode and STREAM.search(objects.get(int(to_unicode.group(1)), b""))
            if stream:
                fonts[name] = _unicode_map(stream.group(1))
    return fonts


def pdf_text(pdf: bytes) -> str:
    objects = _objects(pdf)
    fonts = _fonts(objects)
    words = []
    for body in objects.values():
        stream = STREAM.search(body)
        if stream is None or b"TJ" not in stream.group(1):
            continue
        current = {}
        for font, array in re.findall(rb"/(\w+) [\d.]+ Tf|\[(.*?)\]\s*TJ", stream.group(1), re.DOTALL):
            if font:
                current = fonts.get(font, {})
                continue
            glyphs = re.findall(rb"<([0-9a-fA-F]+)>", array)
            words.append(
                "".join(
                    current.get(int(chunk[i : i + 4], 16), "?") for chunk in glyphs for i in range(0, len(chunk), 4)
                )
            )
    return "\n".join(words)
