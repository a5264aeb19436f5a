"""The one field a private report link asks for: who it is for, so the parties know which link to revoke."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samvei.core.limits import TITLE


class ReportLinkForm(forms.Form):
    # The overview page shows this form beside the other parts' forms: the prefix keeps its ids apart.
    prefix = "report_link"

    label = forms.CharField(
        label=_("Who the link is for"),
        max_length=TITLE,
        help_text=_("For example «for the municipal council». Only the two parties see this."),
    )
