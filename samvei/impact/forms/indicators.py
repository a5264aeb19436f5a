from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samvei.collaborations.models import Collaboration
from samvei.core.importing import RowRejected
from samvei.core.limits import SHORT_TEXT, TITLE
from samvei.core.widgets import HtmlDateInput

from ..charts import number
from ..measurements_csv import MAX_BYTES, parse_number
from ..models import Indicator, LogicModelEntry
from ..selectors.indicators import measurable_entries


class NorwegianDecimalField(forms.DecimalField):
    """A number as Norwegians type it, «3,5» or «1 234,5», whatever the page's language; a point works too."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_digits", 16)
        kwargs.setdefault("decimal_places", 4)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}))
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        try:
            return parse_number(str(value))
        except RowRejected as error:
            raise ValidationError(f"{capfirst(error.reason)}.", code="invalid") from None

    def prepare_value(self, value: Any) -> Any:
        return number(value) if isinstance(value, Decimal) else value


class OutcomeChoiceField(forms.ModelChoiceField[LogicModelEntry]):
    def label_from_instance(self, obj: LogicModelEntry) -> str:
        return f"{obj.get_level_display()}: {obj}"


class IndicatorForm(forms.Form):
    """The entries offered are this collaboration's only; the service refuses any other a crafted form sends."""

    name = forms.CharField(label=_("Name"), max_length=TITLE, help_text=_("For example «Visits per week»."))
    unit = forms.CharField(label=_("Unit"), max_length=50, help_text=_("For example «visits» or «per cent»."))
    direction = forms.ChoiceField(
        label=_("Which way is better"), choices=Indicator.Direction.choices, widget=forms.RadioSelect
    )
    baseline = NorwegianDecimalField(label=_("Baseline"), required=False, help_text=_("The value before you began."))
    baseline_on = forms.DateField(label=_("Baseline measured on"), required=False, widget=HtmlDateInput())
    target = NorwegianDecimalField(label=_("Target"), required=False)
    target_on = forms.DateField(label=_("Target date"), required=False, widget=HtmlDateInput())
    data_source = forms.CharField(
        label=_("Source of data"),
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Where the numbers come from, for example a visit log or a survey."),
    )
    outcome = OutcomeChoiceField(
        label=_("What it measures in the logic model"),
        queryset=LogicModelEntry.objects.none(),
        required=False,
        empty_label=_("Not linked"),
    )

    def __init__(self, *args: Any, collaboration: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        outcome = self.fields["outcome"]
        assert isinstance(outcome, OutcomeChoiceField)  # noqa: S101 - narrows the type for mypy
        outcome.queryset = measurable_entries(collaboration=collaboration)

    @staticmethod
    def initial_for(indicator: Indicator) -> dict[str, Any]:
        return {
            "name": indicator.name,
            "unit": indicator.unit,
            "direction": indicator.direction,
            "baseline": indicator.baseline,
            "baseline_on": indicator.baseline_on,
            "target": indicator.target,
            "target_on": indicator.target_on,
            "data_source": indicator.data_source,
            "outcome": indicator.outcome_id,
        }


class MeasurementForm(forms.Form):
    prefix = "measurement"

    measured_on = forms.DateField(label=_("Date"), widget=HtmlDateInput())
    value = NorwegianDecimalField(label=_("Value"), help_text=_("A decimal comma or point both work: 3,5."))
    note = forms.CharField(
        label=_("Note"), max_length=SHORT_TEXT, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class MeasurementsUploadForm(forms.Form):
    prefix = "upload"

    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "Columns dato;verdi;merknad (or date,value,note) with the names on the first row. "
            "At most 1 MB and 5 000 rows."
        ),
        widget=forms.FileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self) -> bytes:
        """The file's bytes; one too large is refused before it is read."""
        upload = self.cleaned_data["file"]
        assert isinstance(upload, UploadedFile)  # noqa: S101 - narrows the type for mypy
        if upload.size is not None and upload.size > MAX_BYTES:
            raise ValidationError(_("The file is larger than 1 MB. Split it into smaller files."), code="too_large")
        data: bytes = upload.read(MAX_BYTES + 1)
        return data
