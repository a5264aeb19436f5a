"""An indicator's measurements as a line chart, drawn on the server as inline SVG: it needs no script (strict
CSP), prints in the PDF report (WeasyPrint renders inline SVG), and scales to any width through its viewBox.
The data table beside it carries the same numbers for anyone who cannot see the chart."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django.utils.formats import date_format, localize
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .models import Indicator, Measurement

WIDTH, HEIGHT = 480, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 32, 40
PLOT_RIGHT, PLOT_BOTTOM = WIDTH - RIGHT, HEIGHT - BOTTOM
TEXT, GRID, LINE, BASELINE, TARGET = "#1e2b3c", "#d2d6db", "#0062ba", "#5d6673", "#06803a"
MAX_X_TICKS = 4
Y_TICKS = 4


def number(value: Decimal) -> str:
    """A value as the page's language writes it (a decimal comma in bokmål), without the trailing zeros the
    database keeps; the same as `{{ value.normalize }}` in the templates beside the chart."""
    return localize(value.normalize())


def month(day: datetime.date) -> str:
    return date_format(day, "F Y")


@dataclass(frozen=True)
class _Scale:
    """Maps values to the plot's y and days to its x; a single day sits in the middle."""

    low: Decimal
    high: Decimal
    first: int | None
    last: int | None

    def y(self, value: Decimal) -> float:
        share = (value - self.low) / (self.high - self.low)
        return round(PLOT_BOTTOM - float(share) * (PLOT_BOTTOM - TOP), 1)

    def x(self, day: datetime.date) -> float:
        if self.first is None or self.last is None or self.first == self.last:
            return (LEFT + PLOT_RIGHT) / 2
        share = (day.toordinal() - self.first) / (self.last - self.first)
        return round(LEFT + share * (PLOT_RIGHT - LEFT), 1)


def _nice_step(span: Decimal) -> Decimal:
    """1, 2 or 5 times a power of ten, so that the axis reads in round numbers."""
    rough = span / Y_TICKS
    exponent = rough.adjusted()
    fraction = rough.scaleb(-exponent)
    nice = next(step for step in (1, 2, 5, 10) if fraction <= step)
    return Decimal(nice).scaleb(exponent)


def _value_range(values: Sequence[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """Low end, high end and step of the y axis. Non-negative data start at zero; equal values get room."""
    low, high = (min(values), max(values)) if values else (Decimal(0), Decimal(1))
    low = min(low, Decimal(0)) if low >= 0 else low
    if high == low:
        high = low + max(abs(low) / 10, Decimal(1))
    step = _nice_step(high - low)
    low = (low / step).to_integral_value(rounding=ROUND_FLOOR) * step
    high = (high / step).to_integral_value(rounding=ROUND_CEILING) * step
    return low, high, step


def _scale(*, indicator: Indicator, measurements: Sequence[Measurement]) -> tuple[_Scale, Decimal]:
    references = [value for value in (indicator.baseline, indicator.target) if value is not None]
    low, high, step = _value_range([m.value for m in measurements] + references)
    days = [m.measured_on.toordinal() for m in measurements]
    first, last = (min(days), max(days)) if days else (None, None)
    return _Scale(low=low, high=high, first=first, last=last), step


def text_alternative(*, indicator: Indicator, measurements: Sequence[Measurement]) -> str:
    """What the chart shows, in one sentence, for the SVG's <desc> and anyone who cannot see it."""
    name = indicator.name
    if not measurements:
        sentence = _("%(name)s: no measurements yet") % {"name": name}
    elif len(measurements) == 1:
        only = measurements[0]
        sentence = _("%(name)s: %(value)s (%(month)s)") % {
            "name": name,
            "value": number(only.value),
            "month": month(only.measured_on),
        }
    else:
        first, last = measurements[0], measurements[-1]
        sentence = _("%(name)s: from %(first)s (%(first_month)s) to %(last)s (%(last_month)s)") % {
            "name": name,
            "first": number(first.value),
            "first_month": month(first.measured_on),
            "last": number(last.value),
            "last_month": month(last.measured_on),
        }
    if indicator.baseline is not None:
        sentence += _("; baseline %(value)s") % {"value": number(indicator.baseline)}
    if indicator.target is not None:
        sentence += _("; target %(value)s") % {"value": number(indicator.target)}
    return sentence


def _y_axis(scale: _Scale, step: Decimal) -> list[SafeString]:
    parts = []
    tick = scale.low
    while tick <= scale.high:
        y = scale.y(tick)
        parts.append(format_html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>', LEFT, y, PLOT_RIGHT, y, GRID))
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" fill="{}">{}</text>', LEFT - 6, y + 4, TEXT, number(tick)
            )
        )
        tick += step
    return parts


def _x_ticks(days: Sequence[datetime.date]) -> list[datetime.date]:
    if len(days) <= MAX_X_TICKS:
        return list(days)
    first, span = days[0], (days[-1] - days[0]).days
    return [first + datetime.timedelta(days=round(span * i / (MAX_X_TICKS - 1))) for i in range(MAX_X_TICKS)]


def _x_axis(scale: _Scale, days: Sequence[datetime.date]) -> list[SafeString]:
    """Month and year when the series spans months, the day too when it is short; a repeated label is left out,
    and the last one ends at the plot's edge so that it is not cut off."""
    short = len(days) > 1 and (days[-1] - days[0]).days < 120
    ticks = _x_ticks(days)
    parts, shown = [], set()
    for index, day in enumerate(ticks):
        label = date_format(day, "j. b Y" if short else "b Y")
        if label in shown:
            continue
        shown.add(label)
        last = len(ticks) > 1 and index == len(ticks) - 1
        x, anchor = (PLOT_RIGHT, "end") if last else (scale.x(day), "middle")
        parts.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="{}" fill="{}">{}</text>', x, PLOT_BOTTOM + 20, anchor, TEXT, label
            )
        )
    return parts


@dataclass(frozen=True)
class _Reference:
    value: Decimal
    label: str
    colour: str
    dashes: str
    right: bool


def _references(indicator: Indicator) -> list[_Reference]:
    """The baseline's label sits left and the target's right, so that they do not meet when close."""
    references = []
    if indicator.baseline is not None:
        label = _("Baseline: %(value)s") % {"value": number(indicator.baseline)}
        references.append(_Reference(indicator.baseline, label, BASELINE, "6 4", right=False))
    if indicator.target is not None:
        label = _("Target: %(value)s") % {"value": number(indicator.target)}
        references.append(_Reference(indicator.target, label, TARGET, "2 3", right=True))
    return references


def _reference_lines(scale: _Scale, references: Sequence[_Reference]) -> list[SafeString]:
    return [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1.5" stroke-dasharray="{}"/>',
            LEFT,
            scale.y(reference.value),
            PLOT_RIGHT,
            scale.y(reference.value),
            reference.colour,
            reference.dashes,
        )
        for reference in references
    ]


def _reference_labels(scale: _Scale, references: Sequence[_Reference]) -> list[SafeString]:
    """Drawn after the data, with a white outline, so that a label stays readable where the line crosses it."""
    return [
        format_html(
            '<text x="{}" y="{}" text-anchor="{}" fill="{}" stroke="#ffffff" stroke-width="4" paint-order="stroke">'
            "{}</text>",
            PLOT_RIGHT - 4 if reference.right else LEFT + 4,
            scale.y(reference.value) - 5,
            "end" if reference.right else "start",
            reference.colour,
            reference.label,
        )
        for reference in references
    ]


def _series(scale: _Scale, measurements: Sequence[Measurement]) -> list[SafeString]:
    if not measurements:
        return [
            format_html(
                '<text x="{}" y="{}" text-anchor="middle" fill="{}">{}</text>',
                (LEFT + PLOT_RIGHT) / 2,
                (TOP + PLOT_BOTTOM) / 2,
                TEXT,
                _("No measurements yet"),
            )
        ]
    points = [(scale.x(m.measured_on), scale.y(m.value)) for m in measurements]
    parts = []
    if len(points) > 1:
        line = " ".join(f"{x},{y}" for x, y in points)
        parts.append(format_html('<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5"/>', line, LINE))
    parts.extend(format_html('<circle cx="{}" cy="{}" r="4" fill="{}"/>', x, y, LINE) for x, y in points)
    return parts


def indicator_chart_svg(*, indicator: Indicator, measurements: Sequence[Measurement]) -> SafeString:
    """The chart with its text alternative; `measurements` in date order, as the model orders them."""
    measurements = sorted(measurements, key=lambda m: m.measured_on)
    scale, step = _scale(indicator=indicator, measurements=measurements)
    references = _references(indicator)
    prefix = f"indicator-chart-{indicator.pk}"
    title = _("%(name)s (%(unit)s)") % {"name": indicator.name, "unit": indicator.unit}
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart" viewBox="0 0 {} {}" width="100%" '
            'role="img" aria-labelledby="{}-title {}-desc" font-size="13">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            WIDTH,
            HEIGHT,
            prefix,
            prefix,
            prefix,
            title,
            prefix,
            text_alternative(indicator=indicator, measurements=measurements),
        ),
        format_html('<text x="{}" y="{}" fill="{}">{}</text>', 4, 16, TEXT, indicator.unit),
        *_y_axis(scale, step),
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>', LEFT, PLOT_BOTTOM, PLOT_RIGHT, PLOT_BOTTOM, TEXT
        ),
        *_x_axis(scale, [m.measured_on for m in measurements]),
        *_reference_lines(scale, references),
        *_series(scale, measurements),
        *_reference_labels(scale, references),
        SafeString("</svg>"),
    ]
    return mark_safe("".join(parts))  # noqa: S308 - every part was built by format_html, which escapes
