"""Addresses for new ideas come only from a place's own pages, with the page and the date; without one the page
says no address is verified."""

import csv
import datetime

import pytest
from django.db import IntegrityError

from samvei.core.sources import sources_sync
from samvei.geography.entry_points import COLUMNS, ENTRY_POINTS_FILE, EntryPointsError, entry_points_sync
from samvei.geography.models import EntryPoint, Municipality
from samvei.geography.reference_data import SOURCES_FILE
from samvei.organisations.models import Organisation

pytestmark = pytest.mark.django_db

PAGE = "https://www.steinkjer.kommune.no/kontakt/"


def _write(tmp_path, **overrides):
    row = {
        "unit": "municipality",
        "number": "5006",
        "email": "postmottak@steinkjer.kommune.no",
        "postal_address": "",
        "page_url": "",
        "source_key": "own-pages",
        "source_url": PAGE,
        "source_date": "",
        "checked_on": "2026-12-04",
    } | overrides
    path = tmp_path / "entry-points.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    return path


def _sync(path):
    return entry_points_sync(sources=sources_sync(path=SOURCES_FILE), path=path)


def test_the_shipped_file_holds_no_address_copied_from_a_third_party_list():
    rows = list(csv.DictReader(ENTRY_POINTS_FILE.open(encoding="utf-8")))

    assert all(row["source_url"] and row["checked_on"] for row in rows)
    assert not any("github" in row["source_url"] for row in rows)


def test_a_line_loads_an_address_with_its_source_page_and_date(tmp_path):
    result = _sync(_write(tmp_path))

    entry = EntryPoint.objects.get(municipality__number="5006")
    assert (result.created, entry.email, entry.source_url) == (1, "postmottak@steinkjer.kommune.no", PAGE)
    assert entry.checked_on == datetime.date(2026, 12, 4)


def test_loading_again_updates_the_row_of_the_same_page_and_keeps_rows_staff_added(tmp_path):
    _sync(_write(tmp_path))
    steinkjer = Municipality.objects.get(number="5006")
    added = EntryPoint.objects.create(
        municipality=steinkjer,
        postal_address="Postboks 2530, 7729 Steinkjer",
        source=EntryPoint.objects.get().source,
        source_url="https://www.steinkjer.kommune.no/post/",
        checked_on=datetime.date(2026, 12, 1),
    )

    result = _sync(_write(tmp_path, email="innspill@steinkjer.kommune.no"))

    assert (result.created, result.updated) == (0, 1)
    assert set(steinkjer.entry_points.values_list("email", flat=True)) == {"innspill@steinkjer.kommune.no", ""}
    assert EntryPoint.objects.filter(pk=added.pk).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"number": "9999"}, "there is no municipality with number «9999»"),
        ({"unit": "kommune"}, "unit «kommune» must be «municipality» or «county»"),
        ({"email": ""}, "give an e-mail address, a postal address or a page for ideas"),
        ({"email": "postmottak"}, "«postmottak» is not an e-mail address"),
        ({"page_url": "steinkjer"}, "page_url «steinkjer» is not a web address"),
        ({"source_url": ""}, "source_url is required"),
        ({"source_key": "github"}, "source «github» is not in sources.json"),
        ({"checked_on": ""}, "checked_on is required"),
        ({"source_date": "2026"}, "source_date «2026» is not a date"),
    ],
)
def test_loader_refuses_an_invalid_line_with_a_clear_message_and_writes_nothing(tmp_path, overrides, message):
    with pytest.raises(EntryPointsError, match=message) as error:
        _sync(_write(tmp_path, **overrides))

    assert str(error.value).startswith("entry-points.csv line 2: ")
    assert not EntryPoint.objects.exists()


def test_the_database_refuses_an_entry_point_without_an_address(tmp_path):
    _sync(_write(tmp_path))
    entry = EntryPoint.objects.get()

    with pytest.raises(IntegrityError):
        EntryPoint.objects.filter(pk=entry.pk).update(email="")


def test_without_an_address_the_municipality_page_says_none_is_verified_and_links_the_website(client):
    steinkjer = Municipality.objects.get(number="5006")

    page = client.get(steinkjer.get_absolute_url()).content.decode()

    assert 'id="no-verified-address"' in page
    assert steinkjer.website in page
    assert "ikke kontrollert" in page


def test_a_verified_address_is_shown_with_its_source_and_check_date(client, tmp_path):
    _sync(_write(tmp_path))

    page = client.get(Municipality.objects.get(number="5006").get_absolute_url()).content.decode()

    assert "mailto:postmottak@steinkjer.kommune.no" in page
    assert PAGE in page
    assert "4. desember 2026" in page
    assert 'id="no-verified-address"' not in page


def test_the_api_gives_a_municipalitys_entry_points_with_their_source(client, tmp_path):
    _sync(_write(tmp_path))

    body = client.get("/api/v1/municipalities/5006").json()

    assert body["entry_points"] == [
        {
            "email": "postmottak@steinkjer.kommune.no",
            "postal_address": "",
            "page_url": "",
            "source_title": "Kommunens eller fylkeskommunens egne nettsider",
            "source_url": PAGE,
            "source_date": None,
            "checked_on": "2026-12-04",
            "possibly_outdated": False,
        }
    ]


def test_a_county_authoritys_page_says_no_address_is_verified(client):
    trondelag = Organisation.objects.get(county__number="50")

    page = client.get(trondelag.get_absolute_url()).content.decode()

    assert 'id="no-verified-address"' in page
