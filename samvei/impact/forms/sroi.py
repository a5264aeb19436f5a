"""Forms for the SROI: shares and the rate are entered in percent («4» or «4,5») and handed on as fractions;
kroner may be written with spaces between the thousands."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms
from django.forms.boundfield import BoundField
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from samvei.collaborations.models import Collaboration
from samvei.core.limits import SHORT_TEXT, TITLE

from ..models import (
    Assumption,
    DiscountRate,
    Evidence,
    FinancialProxy,
    Indicator,
    SroiAnalysis,
    SroiOutcome,
    Stakeholder,
)
from ..selectors.logic import stakeholders_of
from ..services.sroi import SHARES, AssumptionData, OutcomeData, evidence_field, source_field

HUNDRED = Decimal(100)


def plain(value: Decimal) -> Decimal:
    """4.5000 as 4.5 and 100.0000 as 100 (not 1E+2), for a field that shows the value again."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def percent(fraction: Decimal) -> Decimal:
    """0.0450 as 4.5 and 0.04 as 4, for a field that shows percent."""
    return plain((fraction * HUNDRED).quantize(Decimal("0.01")))


class KronerField(forms.DecimalField):
    """Whole kroner; «1 000 000» and «1 000 000» read as one million."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=16, decimal_places=0, localize=True, **kwargs)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = "".join(value.split()).replace("\u202f", "")
        return super().to_python(value)


class PercentField(forms.DecimalField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=5, decimal_places=2, localize=True, **kwargs)


class AnalysisForm(forms.Form):
    prefix = "analysis"
    investment_nok = KronerField(
        label=_("Investment (NOK)"),
        help_text=_("What the collaboration costs in all, in kroner, for the whole period."),
    )
    investment_note = forms.CharField(
        label=_("What the investment includes"),
        max_length=SHORT_TEXT,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    discount_rate = PercentField(label=_("Discount rate (percent)"), help_text=_("Write «4» or «4,5»."))

    def __init__(self, *args: Any, default_rate: DiscountRate | None, **kwargs: Any) -> None:
        """`default_rate` is the rate in force today (selectors.rates); its source is named beside the field."""
        super().__init__(*args, **kwargs)
        field = self.fields["discount_rate"]
        if default_rate is None:
            field.help_text = _("No rate for public measures is stored for today. Write «4» or «4,5».")
            return
        field.initial = percent(default_rate.rate)
        field.help_text = _(
            "%(rate)s percent is the rate for public measures in «%(source)s» (%(date)s). Write «4» or «4,5»."
        ) % {
            "rate": number_format(percent(default_rate.rate)),
            "source": default_rate.source.title,
            "date": date_format(default_rate.source_date),
        }

    @classmethod
    def for_analysis(cls, analysis: SroiAnalysis | None, *, default_rate: DiscountRate | None) -> AnalysisForm:
        if analysis is None:
            return cls(default_rate=default_rate)
        return cls(
            default_rate=default_rate,
            initial={
                "investment_nok": analysis.investment_nok,
                "investment_note": analysis.investment_note,
                "discount_rate": percent(analysis.discount_rate),
            },
        )

    def rate_fraction(self) -> Decimal:
        return Decimal(self.cleaned_data["discount_rate"]) / HUNDRED


class ProxyChoiceField(forms.ModelChoiceField[FinancialProxy]):
    def label_from_instance(self, obj: FinancialProxy) -> str:
        english = (get_language() or "").startswith("en")
        name = obj.name_en if english and obj.name_en else obj.name_nb
        unit = obj.unit_en if english and obj.unit_en else obj.unit_nb
        value = number_format(obj.value_nok, decimal_pos=0, force_grouping=True)
        return _("%(name)s (%(value)s NOK %(unit)s, in %(year)d kroner)") % {
            "name": name,
            "value": value,
            "unit": unit,
            "year": obj.year,
        }


class OutcomeForm(forms.Form):
    """The outcome and, for each of its seven numbers, how well it is known and where it comes from."""

    prefix = "outcome"
    name = forms.CharField(label=_("Outcome"), max_length=TITLE, help_text=_("The change, for whom."))
    stakeholder = forms.ModelChoiceField(
        label=_("Stakeholder"), queryset=Stakeholder.objects.none(), required=False, empty_label=_("None chosen")
    )
    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.none(), required=False, empty_label=_("None chosen")
    )
    quantity = forms.DecimalField(
        label=_("Quantity"),
        max_digits=16,
        decimal_places=4,
        localize=True,
        help_text=_("How many experience the outcome, in the unit of the value below."),
    )
    proxy = ProxyChoiceField(
        label=_("Financial proxy from the library"),
        queryset=FinancialProxy.objects.select_related("source"),
        required=False,
        empty_label=_("None: I enter the value myself"),
    )
    proxy_value_nok = KronerField(
        label=_("Value per unit (NOK)"),
        required=False,
        help_text=_("Left empty with a proxy chosen: the proxy's value in kroner of the newest indexed year."),
    )
    deadweight = PercentField(
        label=_("Deadweight (percent)"), help_text=_("How much would have happened anyway, 0 to 100.")
    )
    displacement = PercentField(
        label=_("Displacement (percent)"), help_text=_("How much only moved the problem elsewhere, 0 to 100.")
    )
    attribution = PercentField(
        label=_("Attribution (percent)"), help_text=_("How much is owed to others than this collaboration, 0 to 100.")
    )
    drop_off = PercentField(
        label=_("Drop-off (percent)"), help_text=_("How much of the outcome is lost each later year, 0 to 100.")
    )
    duration_years = forms.IntegerField(label=_("Duration (years)"), help_text=_("From 1 to 50 years."))

    def __init__(self, *args: Any, collaboration: Collaboration, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for subject in Assumption.Subject.values:
            self.fields[evidence_field(subject)] = forms.ChoiceField(
                label=_("How well it is known"), choices=[("", _("Choose")), *Evidence.choices]
            )
            self.fields[source_field(subject)] = forms.CharField(
                label=_("Source"), max_length=SHORT_TEXT, widget=forms.Textarea(attrs={"rows": 2})
            )
        self.fields[source_field(Assumption.Subject.PROXY)].help_text = _(
            "With a proxy from the library, left empty: «External study» and the proxy's source."
        )
        self._limit("stakeholder", stakeholders_of(collaboration=collaboration))
        self._limit("indicator", Indicator.objects.filter(collaboration=collaboration))
        if self.is_bound:
            self.data = self._with_proxy_evidence(self.data)

    def _limit(self, name: str, queryset: Any) -> None:
        cast(forms.ModelChoiceField[Any], self.fields[name]).queryset = queryset

    def _with_proxy_evidence(self, data: Any) -> Any:
        """A library proxy is an external study with a known source: say so where the form was left empty."""
        proxy = self._chosen_proxy(data.get(self.add_prefix("proxy")))
        if proxy is None:
            return data
        data = data.copy()
        evidence, source = (self.add_prefix(name(Assumption.Subject.PROXY)) for name in (evidence_field, source_field))
        if not data.get(evidence):
            data[evidence] = Evidence.STUDY.value
        if not str(data.get(source, "")).strip():
            data[source] = proxy.source.title
        return data

    def _chosen_proxy(self, value: Any) -> FinancialProxy | None:
        if not value or not str(value).isdecimal():
            return None
        return FinancialProxy.objects.select_related("source").filter(pk=value).first()

    @classmethod
    def initial_for(cls, outcome: SroiOutcome | None, *, proxy: FinancialProxy | None = None) -> dict[str, Any]:
        if outcome is None:
            if proxy is None:
                return {}
            return {
                "proxy": proxy,
                evidence_field(Assumption.Subject.PROXY): Evidence.STUDY.value,
                source_field(Assumption.Subject.PROXY): proxy.source.title,
            }
        initial: dict[str, Any] = {
            "name": outcome.name,
            "stakeholder": outcome.stakeholder_id,
            "indicator": outcome.indicator_id,
            "quantity": plain(outcome.quantity),
            "proxy": outcome.proxy_id,
            "proxy_value_nok": outcome.proxy_value_nok,
            "duration_years": outcome.duration_years,
        }
        for share in SHARES:
            initial[share] = percent(getattr(outcome, share))
        for assumption in outcome.assumptions.all():
            initial[evidence_field(assumption.subject)] = assumption.evidence
            initial[source_field(assumption.subject)] = assumption.source
        return initial

    def outcome_fields(self) -> list[BoundField]:
        return [self[name] for name in self.base_fields]

    def assumption_groups(self) -> list[tuple[str, BoundField, BoundField]]:
        return [
            (str(label), self[evidence_field(subject)], self[source_field(subject)])
            for subject, label in Assumption.Subject.choices
        ]

    def outcome_data(self) -> OutcomeData:
        data = self.cleaned_data
        return OutcomeData(
            name=data["name"],
            stakeholder=data["stakeholder"],
            indicator=data["indicator"],
            quantity=data["quantity"],
            proxy=data["proxy"],
            proxy_value_nok=data["proxy_value_nok"],
            deadweight=data["deadweight"] / HUNDRED,
            displacement=data["displacement"] / HUNDRED,
            attribution=data["attribution"] / HUNDRED,
            drop_off=data["drop_off"] / HUNDRED,
            duration_years=data["duration_years"],
            assumptions={
                subject: AssumptionData(evidence=data[evidence_field(subject)], source=data[source_field(subject)])
                for subject in Assumption.Subject.values
            },
        )
