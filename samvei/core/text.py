from __future__ import annotations

from django.utils.text import slugify

NORWEGIAN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a"})


def norwegian_slugify(text: str) -> str:
    """Django's slugify drops æ, ø and å (they do not decompose to ASCII); spell them out first."""
    return slugify(text.translate(NORWEGIAN_LETTERS))
