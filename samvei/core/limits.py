"""How long a text anyone can write into Samvei may be, in characters: one rule for models, forms and imports.

Every user-writable text reaches search, and organisation and challenge texts reach the matching model; an
unbounded one costs every later reader. A 2.3 MB description kept the only background worker busy for 13
minutes, and 20 KB made one anonymous request spend 77 s of CPU (issue 12 §2). The limits are generous for
what each text is for and small enough that no text costs more than a page:

* `TITLE`: a name or a title, one line.
* `SHORT_TEXT`: a paragraph: a question, a note, a reason, a list of other names or addresses.
* `LONG_TEXT`: a description that may run to a page or two: what an organisation does, what a challenge is.

A model's `CharField` enforces its `max_length` by itself; a `TextField` only tells its form field, so text
fields take `**limited(...)`, which makes `full_clean` (services, imports) refuse the same length as the form.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxLengthValidator
from django.utils.translation import ngettext_lazy

TITLE = 200
SHORT_TEXT = 2000
LONG_TEXT = 6000

# Django's own message for a value over the limit, which forms and `full_clean` show. Named here so that
# `make messages` keeps it in our catalogue, which Django reads before its own: its bokmål reads as translated.
TOO_LONG = ngettext_lazy(
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
    "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
    "limit_value",
)


def limited(limit: int) -> dict[str, Any]:
    """Keyword arguments for a model `TextField` of at most `limit` characters, enforced by form and model."""
    return {"max_length": limit, "validators": [MaxLengthValidator(limit)]}
