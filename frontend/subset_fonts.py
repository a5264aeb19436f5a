"""Subsets Inter (from node_modules) to the characters Samvei's pages use and writes inter.css for it.

Called by build.mjs with the project's virtualenv (fontTools comes with WeasyPrint). Fontsource ships Inter split
by script with the whole 100–900 weight axis; the site shows Norwegian, English and Sami text in weights 400–700
(Designsystemet's regular, medium and semibold, and the browser's bold), so one small face carries the Latin
letters and punctuation of every page and a second, tiny one the Sami letters, fetched only by pages that show
them. Characters outside both faces are drawn in the fallback font. unicode-range is read back from each font
written, so it names exactly the characters the file can draw.

Usage: subset_fonts.py FONTSOURCE_FILES_DIR OUT_DIR
"""

import io
import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer

WEIGHTS = (400, 700)
PUNCTUATION = [
    0x2009,  # thin space
    0x2010,  # hyphen
    0x2011,  # non-breaking hyphen
    0x2013,  # en dash
    0x2014,  # em dash
    *range(0x2018, 0x201B),  # ‘ ’ ‚
    *range(0x201C, 0x201F),  # “ ” „
    0x2022,  # bullet
    0x2026,  # ellipsis
    0x202F,  # narrow no-break space
    0x2039,  # ‹
    0x203A,  # ›
    0x20AC,  # euro sign
    0x2212,  # minus sign
]
# Fontsource's Inter has no glyph of its own for these; Inter proper draws them with the glyph named here.
ALIASES = {0x00AD: 0x002D, 0x2010: 0x002D, 0x2011: 0x002D, 0x202F: 0x2009}
# Accents that decomposed (NFD) text combines with a base letter: acute, grave, circumflex, tilde, macron,
# diaeresis, ring above, caron.
COMBINING = [0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0308, 0x030A, 0x030C]
NORWEGIAN_AND_ENGLISH = [*range(0x20, 0x7F), *range(0xA0, 0x100), *PUNCTUATION, *COMBINING]
# Northern, Lule and Southern Sami letters beyond Latin-1 (á, ä, ï, ö, å are in Latin-1 already):
# Č č Đ đ Ń ń Ŋ ŋ Š š Ŧ ŧ Ž ž.
SAMI = [0x010C, 0x010D, 0x0110, 0x0111, 0x0143, 0x0144, 0x014A, 0x014B, 0x0160, 0x0161, 0x0166, 0x0167, 0x017D, 0x017E]
FACES = [
    # (file written, Fontsource file it is cut from, characters wanted)
    ("inter-latin-wght-normal.woff2", "inter-latin-wght-normal.woff2", NORWEGIAN_AND_ENGLISH),
    ("inter-sami-wght-normal.woff2", "inter-latin-ext-wght-normal.woff2", SAMI),
]


def cut(*, source: Path, characters: list[int]) -> TTFont:
    """The source font with only `characters` (those it has) and the weight axis narrowed to WEIGHTS."""
    font = TTFont(source)
    for table in font["cmap"].tables:
        if table.isUnicode():
            for alias, original in ALIASES.items():
                if original in table.cmap and alias not in table.cmap:
                    table.cmap[alias] = table.cmap[original]
    options = subset.Options()
    options.name_IDs = [*options.name_IDs, 0, 13, 14]  # the default ones, copyright and licence
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=characters)
    subsetter.subset(font)
    # The instancer needs every table loaded, which a freshly saved font gives.
    buffer = io.BytesIO()
    font.save(buffer)
    buffer.seek(0)
    return instancer.instantiateVariableFont(TTFont(buffer), {"wght": WEIGHTS})


def unicode_range(code_points: set[int]) -> str:
    """CSS unicode-range for the code points, consecutive ones joined into ranges."""
    ranges: list[list[int]] = []
    for point in sorted(code_points):
        if ranges and point == ranges[-1][1] + 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return ",".join(f"U+{a:04X}" if a == b else f"U+{a:04X}-{b:04X}" for a, b in ranges)


def main(source_dir: Path, out_dir: Path) -> None:
    (out_dir / "files").mkdir(parents=True, exist_ok=True)
    rules = []
    for written, source, characters in FACES:
        font = cut(source=source_dir / source, characters=characters)
        drawn = set(font.getBestCmap()) & set(characters)
        missing = set(characters) - drawn
        if missing - set(COMBINING):
            raise SystemExit(f"{source} lacks {unicode_range(missing)}")
        font.flavor = "woff2"
        font.save(out_dir / "files" / written)
        rules.append(
            "@font-face{font-family:'Inter';font-style:normal;font-display:swap;"
            f"font-weight:{WEIGHTS[0]} {WEIGHTS[1]};src:url(./files/{written}) format('woff2');"
            f"unicode-range:{unicode_range(drawn)}}}"
        )
    (out_dir / "inter.css").write_text("\n".join(rules) + "\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
