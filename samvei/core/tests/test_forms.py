"""Shared form markup: long multiple choices as filterable checkboxes, and the error summary that links each
error to its field. Rendered in English, so that the tests do not wait for the Norwegian catalogue."""

import pytest
from django import forms
from django.template.loader import render_to_string
from django.utils import translation

from samvei.core.forms import checkboxes
from samvei.core.tests.html import parse
from samvei.core.widgets import FilterableCheckboxes
from samvei.geography.models import County

pytestmark = pytest.mark.django_db


class ExampleForm(forms.Form):
    name = forms.CharField(label="Name", max_length=5)
    counties = checkboxes(label="Counties", queryset=County.objects.all(), key="number", filter_label="Filter counties")
    areas = checkboxes(label="Areas", queryset=County.objects.all(), key="number")

    def clean(self):
        if self.data.get("name") == "boom":
            raise forms.ValidationError("Something went wrong as a whole.")
        return self.cleaned_data


ResultFormSet = forms.formset_factory(ExampleForm, extra=1)


def _render(template, **context):
    with translation.override("en"):
        return parse(render_to_string(template, context))


def test_filter_label_makes_a_fieldset_of_checkboxes_with_a_legend_filter_and_count():
    page = _render("includes/form_fields.html", form=ExampleForm())

    fieldset = page.by_id("id_counties")
    assert fieldset.tag == "fieldset"
    assert fieldset.find("legend").text == "Counties"
    assert len(fieldset.find_all("input", type="checkbox", name="counties")) == County.objects.count()
    query = fieldset.find("input", type="search")
    assert "name" not in query.attrs  # the filter is never submitted
    assert fieldset.find("label", for_=query.attrs["id"]).text == "Filter counties"
    assert "hidden" in fieldset.find("div", data_choices_filter=True).attrs  # shown by forms.js only
    assert fieldset.find("p", data_choices_count=True).attrs["aria-live"] == "polite"
    assert page.find_all("select") == []


def test_count_says_how_many_are_chosen_and_gives_forms_js_the_wording():
    page = _render("includes/form_fields.html", form=ExampleForm(data={"counties": ["03", "11"]}))

    count = page.find("p", data_choices_count=True)
    assert count.text == "2 chosen"
    assert count.attrs["data-one"] == "%(counter)s chosen"
    assert page.find("p", data_choices_shown=True).attrs["data-template"] == "Showing %(shown)s of %(total)s"


def test_chosen_options_come_first_so_that_what_is_saved_is_in_sight():
    page = _render("includes/form_fields.html", form=ExampleForm(data={"counties": ["56", "11"]}))

    boxes = page.by_id("id_counties").find_all("input", type="checkbox")
    assert [box.attrs["value"] for box in boxes[:2]] == ["11", "56"]
    assert all("checked" in box.attrs for box in boxes[:2])
    assert not any("checked" in box.attrs for box in boxes[2:])


def test_short_lists_stay_plain_checkboxes_without_a_filter():
    page = _render("includes/form_fields.html", form=ExampleForm())

    areas = page.by_id("id_areas")
    assert areas.find("legend").text == "Areas"
    assert areas.find_all("input", type="search") == []
    assert isinstance(ExampleForm().fields["counties"].widget, FilterableCheckboxes)


def test_error_summary_links_each_invalid_field_and_lists_errors_of_the_whole_form_as_text():
    form = ExampleForm(data={"name": "", "counties": ["99"], "areas": ["98"]})
    form.add_error(None, "Refused as a whole.")

    page = _render("includes/form_errors.html", form=form)

    summary = page.find("div", data_error_summary=True)
    assert summary.attrs["tabindex"] == "-1"
    links = {link.attrs["href"]: link.text for link in summary.find_all("a")}
    assert set(links) == {"#id_name", "#id_counties_0", "#id_areas_0"}
    assert links["#id_name"] == "Name: This field is required."
    assert "Refused as a whole." in [item.text for item in summary.find_all("li") if not item.find_all("a")]


def test_every_link_of_the_summary_leads_to_an_element_of_the_form():
    form = ExampleForm(data={"name": "", "counties": ["99"], "areas": ["98"]})

    summary = _render("includes/form_errors.html", form=form)
    fields = _render("includes/form_fields.html", form=form)

    for link in summary.find_all("a"):
        assert fields.by_id(link.attrs["href"].removeprefix("#")).tag == "input"


def test_no_summary_without_errors():
    assert _render("includes/form_errors.html", form=ExampleForm()).find_all("div") == []


def test_summary_lists_the_errors_of_a_formset_too():
    formset = ResultFormSet(
        data={"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-name": "too long"}, prefix="form"
    )

    page = _render("includes/form_errors.html", form=ExampleForm(), formset=formset)

    assert [link.attrs["href"] for link in page.find_all("a")] == ["#id_form-0-name"]


def test_invalid_input_is_marked_invalid_and_described_by_its_messages():
    form = ExampleForm(data={"name": "boom boom"})
    form.add_error("name", "A second problem.")

    page = _render("includes/form_fields.html", form=form)

    field = page.by_id("id_name")
    assert field.attrs["aria-invalid"] == "true"
    assert "id_name-error" in field.attrs["aria-describedby"].split()
    messages = page.by_id("id_name-error")  # one element holds every message: ids stay unique
    assert [p.text for p in messages.find_all("p")] == [
        "Ensure this value has at most 5 characters (it has 9).",
        "A second problem.",
    ]


def test_invalid_group_of_checkboxes_is_marked_on_each_box_and_described_on_the_fieldset():
    page = _render("includes/form_fields.html", form=ExampleForm(data={"name": "x", "areas": ["98"]}))

    areas = page.by_id("id_areas")
    assert "id_areas-error" in areas.attrs["aria-describedby"].split()
    assert page.by_id("id_areas-error").is_inside(areas)
    assert {box.attrs.get("aria-invalid") for box in areas.find_all("input")} == {"true"}
    assert {box.attrs.get("aria-invalid") for box in page.by_id("id_counties").find_all("input", type="checkbox")} == {
        None
    }


def test_an_unknown_submitted_value_is_not_counted_as_chosen():
    page = _render("includes/form_fields.html", form=ExampleForm(data={"counties": ["03", "99"]}))

    assert page.find("p", data_choices_count=True).text == "1 chosen"
