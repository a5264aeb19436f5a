"""The indicator chart is well-formed SVG with a text alternative, escapes what users wrote, and draws zero, one
or equal measurements without dividing by zero."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.utils import translation

from samvei.impact.charts import indicator_chart_svg, text_alternative
from samvei.impact.models import Indicator, Measurement

SVG = "{http://www.w3.org/2000/svg}"


def _indicator(**fields):
    values = {
        "pk": 7,
        "name": "Besøk per uke",
        "unit": "besøk",
        "direction": Indicator.Direction.HIGHER,
        "baseline": Decimal("2"),
        "target": Decimal("10"),
        "data_source": "Besøksloggen",
    }
    return Indicator(**(values | fields))


def _measurements(*pairs):
    return [Measurement(measured_on=datetime.date.fromisoformat(day), value=Decimal(value)) for day, value in pairs]


def _parse(svg):
    return ET.fromstring(str(svg))  # noqa: S314 - our own output, parsed to check it is well-formed


@pytest.fixture
def english():
    """The sentences are checked in English: their bokmål arrives with the catalogue (var/i18n/indicators.po)."""
    with translation.override("en"):
        yield


SERIES = _measurements(("2026-01-05", "2"), ("2026-05-04", "4.5"), ("2026-10-05", "7"))


def test_the_chart_is_well_formed_svg():
    root = _parse(indicator_chart_svg(indicator=_indicator(), measurements=SERIES))

    assert root.tag == f"{SVG}svg"


def test_the_chart_is_an_image_labelled_by_its_title_and_description():
    root = _parse(indicator_chart_svg(indicator=_indicator(), measurements=SERIES))

    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"


def test_the_description_states_first_and_last_value_and_the_target(english):
    text = text_alternative(indicator=_indicator(), measurements=SERIES)

    assert text == "Besøk per uke: from 2 (January 2026) to 7 (October 2026); baseline 2; target 10"


def test_the_description_names_months_and_numbers_in_norwegian():
    text = text_alternative(
        indicator=_indicator(), measurements=_measurements(("2026-01-05", "2.5"), ("2026-10-05", "7"))
    )

    assert "2,5 (januar 2026)" in text
    assert "7 (oktober 2026)" in text


def test_the_chart_scales_with_a_viewbox_and_full_width():
    root = _parse(indicator_chart_svg(indicator=_indicator(), measurements=SERIES))

    assert root.get("viewBox") == "0 0 480 300"
    assert root.get("width") == "100%"


def test_the_chart_has_no_style_attribute_or_script():
    svg = str(indicator_chart_svg(indicator=_indicator(), measurements=SERIES))

    assert "style=" not in svg
    assert "<script" not in svg


def test_a_script_in_the_name_is_escaped():
    svg = indicator_chart_svg(indicator=_indicator(name="<script>alert(1)</script>"), measurements=SERIES)

    root = _parse(svg)
    assert "<script>" not in str(svg)
    assert root.find(f"{SVG}title").text.startswith("<script>alert(1)</script>")


def test_markup_in_the_unit_is_escaped():
    svg = str(indicator_chart_svg(indicator=_indicator(unit='"><g onload="x'), measurements=SERIES))

    _parse(svg)
    assert 'onload="x' not in svg


def test_the_reference_lines_are_labelled(english):
    svg = str(indicator_chart_svg(indicator=_indicator(), measurements=SERIES))

    assert "Baseline: 2</text>" in svg
    assert "Target: 10</text>" in svg


def test_the_reference_values_are_in_norwegian_number_format():
    svg = str(
        indicator_chart_svg(indicator=_indicator(baseline=Decimal("2.5"), target=Decimal("1500")), measurements=SERIES)
    )

    assert ": 2,5</text>" in svg
    assert ": 1500</text>" in svg


def test_the_date_axis_is_labelled_with_norwegian_months():
    svg = str(indicator_chart_svg(indicator=_indicator(), measurements=SERIES))

    assert "okt. 2026" in svg.lower() or "okt 2026" in svg.lower()


def test_one_measurement_is_drawn_as_a_single_point_without_a_line():
    root = _parse(indicator_chart_svg(indicator=_indicator(), measurements=_measurements(("2026-03-01", "4"))))

    assert len(root.findall(f"{SVG}circle")) == 1
    assert root.find(f"{SVG}polyline") is None


def test_one_measurement_is_described_with_its_month(english):
    text = text_alternative(indicator=_indicator(target=None), measurements=_measurements(("2026-03-01", "4")))

    assert text == "Besøk per uke: 4 (March 2026); baseline 2"


def test_no_measurements_draw_an_empty_chart_that_says_so(english):
    svg = indicator_chart_svg(indicator=_indicator(), measurements=[])

    root = _parse(svg)
    assert root.find(f"{SVG}circle") is None
    assert "No measurements yet" in str(svg)


def test_no_measurements_and_no_reference_values_still_draw(english):
    root = _parse(indicator_chart_svg(indicator=_indicator(baseline=None, target=None), measurements=[]))

    assert root.find(f"{SVG}desc").text == "Besøk per uke: no measurements yet"


@pytest.mark.parametrize("value", ["0", "5", "-3"])
def test_equal_values_without_reference_lines_draw_a_flat_line(value):
    measurements = _measurements(("2026-01-01", value), ("2026-02-01", value), ("2026-03-01", value))

    root = _parse(indicator_chart_svg(indicator=_indicator(baseline=None, target=None), measurements=measurements))

    heights = {circle.get("cy") for circle in root.findall(f"{SVG}circle")}
    assert len(heights) == 1


def test_every_point_lies_inside_the_viewbox():
    measurements = _measurements(("2026-01-01", "-5"), ("2026-06-01", "12345.6789"))

    root = _parse(indicator_chart_svg(indicator=_indicator(), measurements=measurements))

    for circle in root.findall(f"{SVG}circle"):
        assert 0 <= float(circle.get("cx")) <= 480
        assert 0 <= float(circle.get("cy")) <= 300


def test_measurements_out_of_order_are_drawn_in_date_order():
    measurements = list(reversed(SERIES))

    text = text_alternative(indicator=_indicator(), measurements=SERIES)
    root = _parse(indicator_chart_svg(indicator=_indicator(), measurements=measurements))

    assert root.find(f"{SVG}desc").text == text
