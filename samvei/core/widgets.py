from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext


class HtmlDateInput(forms.DateInput):
    """A native date picker. A value that is not a date is not echoed back: `<input type=date>` only allows
    ISO dates, and the error message already says what was wrong."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, str):
            try:
                return date.fromisoformat(value).isoformat()
            except ValueError:
                return None
        return super().format_value(value)


class FilterableCheckboxes(forms.CheckboxSelectMultiple):
    """A long multiple choice as checkboxes with a text filter and a live count of the chosen ones.

    A `<select multiple>` needs Ctrl-click and hides what is chosen; a keyboard user can save the wrong set
    without noticing. `templates/includes/widgets/filterable_checkboxes.html` renders it inside its fieldset,
    `static/js/forms.js` runs the filter; without JS the plain list of checkboxes works. The chosen options are
    listed first, so that what is saved is visible at the top of the list. Use it through
    `samvei.core.forms.FilterableChoiceField`, whose bound field gives the template the count."""

    filterable = True

    def __init__(self, attrs: dict[str, Any] | None = None, *, filter_label: str | Promise) -> None:
        super().__init__(attrs)
        self.filter_label = filter_label

    def optgroups(self, name: str, value: list[Any], attrs: dict[str, Any] | None = None) -> list[Any]:
        groups = super().optgroups(name, value, attrs)
        return sorted(groups, key=lambda group: not any(option["selected"] for option in group[1]))

    @property
    def chosen_one(self) -> str:
        """The count's wording for one, with `%(counter)s` left in for forms.js to fill."""
        return ngettext("%(counter)s chosen", "%(counter)s chosen", 1)

    @property
    def chosen_other(self) -> str:
        """The wording for any other number: Bokmål and English share the rule «one, or not one»."""
        return ngettext("%(counter)s chosen", "%(counter)s chosen", 2)

    @property
    def shown_template(self) -> str:
        """What the filter leaves, with `%(shown)s` and `%(total)s` for forms.js to fill."""
        return gettext("Showing %(shown)s of %(total)s")
