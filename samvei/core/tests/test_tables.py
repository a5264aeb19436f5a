"""Every table scrolls in its own named, keyboard-focusable box, so at 320 px the page never scrolls sideways
and a keyboard user can still reach the hidden columns (axe: scrollable-region-focusable)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATE_FILES = sorted(
    path
    for root in [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("samvei/*/templates")]
    for path in root.rglob("*.html")
    if "<table" in path.read_text(encoding="utf-8")
)
SCROLL_BOX = re.compile(
    r'<div class="table-scroll" tabindex="0" role="region" aria-labelledby="[^"]+">\s*<table', re.MULTILINE
)


def test_the_project_has_tables_to_check():
    assert len(TEMPLATE_FILES) >= 5


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda path: path.name)
def test_every_table_sits_in_a_labelled_scroll_box(path):
    text = path.read_text(encoding="utf-8")

    assert text.count("<table") == len(SCROLL_BOX.findall(text))
