"""The profile form by keyboard and screen reader: municipalities as checkboxes in a fieldset, not a
`<select multiple>` that needs Ctrl-click, and a failed submit that says where each problem is."""

import pytest
from django.urls import reverse

from samvei.core.tests.html import parse
from samvei.geography.models import Municipality
from samvei.organisations.forms import OrganisationProfileForm

pytestmark = pytest.mark.django_db

PROFILE = {"name": "Organisasjon A", "org_number": "", "description": "Ny beskrivelse"}


def _edit(organisation):
    return reverse("organisations:edit", kwargs={"slug": organisation.slug})


def test_municipalities_are_a_fieldset_of_checkboxes_with_a_legend_and_no_multiple_select(client, org_a, member_a):
    client.force_login(member_a)

    page = parse(client.get(_edit(org_a)).text)

    fieldset = page.by_id("id_municipalities")
    assert fieldset.tag == "fieldset"
    assert fieldset.find("legend").text == "Arbeider i kommuner"
    boxes = fieldset.find_all("input", type="checkbox", name="municipalities")
    assert len(boxes) == Municipality.objects.count()
    assert page.find_all("select", multiple=True) == []


def test_the_register_form_has_the_same_checkboxes(client, outsider):
    client.force_login(outsider)

    page = parse(client.get(reverse("organisations:register")).text)

    assert page.by_id("id_municipalities").find_all("input", type="checkbox", name="municipalities")
    assert page.find_all("select", multiple=True) == []


def test_municipalities_of_the_same_name_are_told_apart_by_county():
    labels = {label for _, label in OrganisationProfileForm().fields["municipalities"].choices}

    assert {"Herøy (Møre og Romsdal)", "Herøy (Nordland)", "Våler (Østfold)", "Våler (Innlandet)"} <= labels
    assert "Bergen" in labels
    assert "Karasjok – Kárášjohka" in labels
    assert "Kåfjord – Gáivuotna – Kaivuono" in labels


def test_chosen_municipalities_are_listed_first(client, org_a, member_a):
    org_a.municipalities.set(Municipality.objects.filter(number__in=["5610", "4601"]))
    client.force_login(member_a)

    page = parse(client.get(_edit(org_a)).text)

    boxes = page.by_id("id_municipalities").find_all("input", type="checkbox")
    assert [(box.attrs["value"], "checked" in box.attrs) for box in boxes[:2]] == [("4601", True), ("5610", True)]
    assert not any("checked" in box.attrs for box in boxes[2:])


def test_saving_chosen_municipalities_saves_exactly_those(client, org_a, member_a):
    org_a.municipalities.set(Municipality.objects.filter(number__in=["0301", "1103"]))
    client.force_login(member_a)

    response = client.post(_edit(org_a), {**PROFILE, "municipalities": ["1103", "4601", "1818"]})

    assert response.status_code == 302
    assert set(org_a.municipalities.values_list("number", flat=True)) == {"1103", "4601", "1818"}


def test_invalid_submit_shows_a_summary_that_links_to_each_invalid_field(client, org_a, admin_a):
    client.force_login(admin_a)

    response = client.post(
        _edit(org_a),
        {
            **PROFILE,
            "name": "",
            "website": "ikke en adresse",
            "municipalities": ["9999"],
            "results-TOTAL_FORMS": "1",
            "results-INITIAL_FORMS": "0",
            "results-0-figure": "42 deltakere",
        },
    )

    assert response.status_code == 400
    page = parse(response.text)
    summary = page.find("div", data_error_summary=True)
    assert summary.attrs["tabindex"] == "-1"
    targets = [link.attrs["href"].removeprefix("#") for link in summary.find_all("a")]
    assert targets == ["id_name", "id_municipalities_0", "id_website", "id_results-0-text"]
    for target in targets:
        field = page.by_id(target)
        assert field.attrs["aria-invalid"] == "true"
    assert page.by_id("id_municipalities_0").is_inside(page.by_id("id_municipalities"))
    assert "id_name-error" in page.by_id("id_name").attrs["aria-describedby"].split()
    assert set(org_a.municipalities.values_list("number", flat=True)) == set()
