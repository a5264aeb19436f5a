import gzip
import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from samvei.organisations import importing
from samvei.organisations.importing import organisations_import
from samvei.organisations.models import Organisation, OrganisationEvent

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db

OSLO_KOMMUNE_ORG_NUMBER = "958935420"


@pytest.fixture(autouse=True)
def english(default_language):
    """Rejection reasons are translated; the assertions below read the English msgids."""
    with translation.override("en"):
        yield


def org_number(n):
    """The n-th valid organisation number from 900000000 up (MOD11, weights 3 2 7 6 5 4 3 2)."""
    base = 90_000_000
    while True:
        digits = str(base + n)
        remainder = 11 - sum(int(d) * w for d, w in zip(digits, (3, 2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if remainder != 10:
            return digits + str(remainder % 11)
        base += 1_000_000  # skip numbers without a valid check digit, keeping n distinct


def row(n, **overrides):
    values = {
        "org_number": org_number(n),
        "name": f"Organisasjon {n}",
        "kind": "social_enterprise",
        "description": "Vi hjelper eldre med å komme seg ut.",
        "municipalities": ["0301"],
        "national": False,
    }
    return {**values, **overrides}


def enhet(n, **overrides):
    values = {
        "organisasjonsnummer": org_number(n),
        "navn": f"ENHET {n} AS",
        "organisasjonsform": {"kode": "AS", "beskrivelse": "Aksjeselskap"},
        "forretningsadresse": {"kommunenummer": "1103", "poststed": "STAVANGER"},
        "naeringskode1": {"kode": "88.991", "beskrivelse": "Velferdstjenester"},
    }
    return {**values, **overrides}


def json_lines(*rows):
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows).encode() + b"\n"


def run(data, **kwargs):
    return organisations_import(stream=io.BytesIO(data), **kwargs)


def imported():
    return Organisation.objects.exclude(kind__in=["municipality", "county", "state_agency"])


def test_json_lines_row_creates_an_organisation_with_its_relations():
    data = row(
        1,
        municipalities=["0301", "1103"],
        national=True,
        website="https://eksempel.no",
        welfare_areas=["elderly-care"],
        target_groups=["youth"],
    )

    report = run(json_lines(data))

    organisation = Organisation.objects.get(org_number=org_number(1))
    assert (report.created, report.updated, report.unchanged, report.rejected) == (1, 0, 0, [])
    assert organisation.name == "Organisasjon 1"
    assert organisation.kind == Organisation.Kind.SOCIAL_ENTERPRISE
    assert organisation.national is True
    assert organisation.website == "https://eksempel.no"
    assert organisation.slug == f"organisasjon-1-{org_number(1)}"
    assert sorted(organisation.municipalities.values_list("number", flat=True)) == ["0301", "1103"]
    assert list(organisation.welfare_areas.values_list("code", flat=True)) == ["elderly-care"]
    assert list(organisation.target_groups.values_list("code", flat=True)) == ["youth"]


def test_imported_organisation_gets_search_text_and_an_event():
    run(json_lines(row(1, name="Æble Omsorg")))

    organisation = Organisation.objects.get(org_number=org_number(1))
    assert "æble omsorg" in organisation.search_text
    assert organisation.slug == f"aeble-omsorg-{org_number(1)}"
    event = organisation.events.get()
    assert (event.kind, event.actor, event.detail) == (
        OrganisationEvent.Kind.IMPORTED,
        None,
        {"created": True, "fields": []},
    )


def test_enhetsregisteret_array_creates_a_business_with_form_industry_code_and_municipality():
    report = run(json.dumps([enhet(1, hjemmeside="www.enhet.no")]).encode())

    organisation = Organisation.objects.get(org_number=org_number(1))
    assert (report.format, report.created, report.rejected) == (importing.InputFormat.JSON_ARRAY, 1, [])
    assert organisation.name == "ENHET 1 AS"
    assert organisation.kind == Organisation.Kind.BUSINESS
    assert organisation.organisation_form == "AS"
    assert organisation.industry_code == "88.991"
    assert organisation.website == "https://www.enhet.no"
    assert list(organisation.municipalities.values_list("number", flat=True)) == ["1103"]


@pytest.mark.parametrize(
    ("form", "kind"),
    [
        ("STI", "voluntary"),
        ("FLI", "voluntary"),
        ("ORGL", "state_agency"),
        ("STAT", "state_agency"),
        ("ENK", "business"),
    ],
)
def test_enhetsregisteret_organisation_form_decides_the_kind(form, kind):
    run(json.dumps([enhet(1, organisasjonsform={"kode": form})]).encode())

    assert Organisation.objects.get(org_number=org_number(1)).kind == kind


def test_enhetsregisteret_row_without_business_address_has_no_municipality():
    record = enhet(1)
    del record["forretningsadresse"]

    report = run(json.dumps([record]).encode())

    assert report.created == 1
    assert not Organisation.objects.get(org_number=org_number(1)).municipalities.exists()


def test_json_lines_row_shaped_like_enhetsregisteret_is_read_as_enhetsregisteret():
    report = run(json_lines(enhet(1)))

    assert (report.format, report.created) == (importing.InputFormat.JSON_LINES, 1)
    assert Organisation.objects.get(org_number=org_number(1)).organisation_form == "AS"


def test_gzip_input_is_read_transparently():
    report = run(gzip.compress(json.dumps([enhet(1), enhet(2)]).encode()))

    assert report.created == 2
    assert Organisation.objects.filter(org_number__in=[org_number(1), org_number(2)]).count() == 2


def test_second_import_of_the_same_file_changes_nothing():
    data = json_lines(row(1), row(2, municipalities=[]), row(3, welfare_areas=["dementia"]))
    run(data)
    organisations, events = Organisation.objects.count(), OrganisationEvent.objects.count()

    report = run(data)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 3)
    assert (Organisation.objects.count(), OrganisationEvent.objects.count()) == (organisations, events)


def test_second_import_of_the_same_enhetsregisteret_file_changes_nothing():
    data = json.dumps([enhet(1, hjemmeside="www.enhet.no"), enhet(2)]).encode()
    run(data)

    report = run(data)

    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)


def test_changed_name_counts_as_updated_and_writes_an_event():
    run(json_lines(row(1), row(2)))

    report = run(json_lines(row(1, name="Nytt navn"), row(2)))

    organisation = Organisation.objects.get(org_number=org_number(1))
    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert organisation.name == "Nytt navn"
    assert "nytt navn" in organisation.search_text
    assert organisation.slug == f"organisasjon-1-{org_number(1)}"
    assert [event.detail for event in organisation.events.all()] == [
        {"created": False, "fields": ["name"]},
        {"created": True, "fields": []},
    ]


def test_update_keeps_the_website_when_the_row_gives_none():
    run(json_lines(row(1, website="https://eksempel.no")))

    report = run(json_lines(row(1)))

    assert report.unchanged == 1
    assert Organisation.objects.get(org_number=org_number(1)).website == "https://eksempel.no"


def test_import_updates_an_organisation_registered_by_its_members():
    existing = OrganisationFactory(org_number=org_number(1), name="Eldre navn", mission="Vårt oppdrag")

    report = run(json_lines(row(1)))

    existing.refresh_from_db()
    assert (report.created, report.updated) == (0, 1)
    assert (existing.name, existing.mission) == ("Organisasjon 1", "Vårt oppdrag")
    assert "vårt oppdrag" in existing.search_text


def test_municipality_dropped_from_a_row_is_unlinked():
    run(json_lines(row(1, municipalities=["0301", "1103"])))

    report = run(json_lines(row(1, municipalities=["1103"])))

    organisation = Organisation.objects.get(org_number=org_number(1))
    assert report.updated == 1
    assert list(organisation.municipalities.values_list("number", flat=True)) == ["1103"]


def test_welfare_areas_are_left_alone_when_the_row_does_not_give_them():
    run(json_lines(row(1, welfare_areas=["dementia"])))

    report = run(json_lines(row(1)))

    assert report.unchanged == 1
    assert Organisation.objects.get(org_number=org_number(1)).welfare_areas.get().code == "dementia"


BAD_ROWS = {
    "invalid number": (json.dumps(row(9, org_number="123456789")), "invalid organisation number 123456789"),
    "missing name": (json.dumps(row(9, name="  ")), "the name is missing"),
    "unknown municipality": (json.dumps(row(9, municipalities=["0301", "9999"])), "unknown municipality 9999"),
    "unknown welfare area": (json.dumps(row(9, welfare_areas=["no-such-area"])), "unknown welfare area no-such-area"),
    "broken JSON line": ('{"org_number": "' + org_number(9) + '", "name": ', "broken JSON"),
    "non-object line": (json.dumps([row(9)]), "the row is not a JSON object"),
    "KOMM row": (
        json.dumps(enhet(9, organisasjonsform={"kode": "KOMM"})),
        "municipalities and county authorities come from reference data",
    ),
    "municipality org number": (
        json.dumps(row(9, org_number=OSLO_KOMMUNE_ORG_NUMBER)),
        "this organisation comes from reference data and is not changed by imports",
    ),
    "municipality kind": (json.dumps(row(9, kind="municipality")), "come from reference data"),
    "website": (json.dumps(row(9, website="not a website")), "invalid website not a website"),
    "national not a bool": (json.dumps(row(9, national="yes")), "national must be true or false"),
    "name not text": (json.dumps(row(9, name=["A"])), "name must be text"),
    "NUL character": (json.dumps(row(9, description="a\x00b")), "description contains a NUL character"),
    "lone surrogate": (json.dumps(row(9, name="A\ud800")), "name must be text"),
    "nesting deeper than Python's stack": ("[" * 100_000, "broken JSON"),
}


@pytest.mark.parametrize("bad", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_bad_row_is_rejected_with_its_line_number_and_stores_nothing(bad):
    line, reason = bad
    oslo = Organisation.objects.get(org_number=OSLO_KOMMUNE_ORG_NUMBER)
    before = Organisation.objects.count()

    report = run(json_lines(row(1), line, row(2)))

    assert (report.created, report.rejected_count) == (2, 1)
    assert report.rejected[0].position == 2
    assert reason in report.rejected[0].reason
    assert Organisation.objects.count() == before + 2
    assert not Organisation.objects.filter(org_number=org_number(9)).exists()
    assert Organisation.objects.get(pk=oslo.pk).name == oslo.name


def test_rejected_value_is_shown_printable_and_short():
    report = run(json_lines(row(1, municipalities=["\ud800" + "9" * 60])))

    assert report.rejected[0].reason == "unknown municipality " + ("\\ud800" + "9" * 60)[:39] + "…"


def test_blank_lines_are_skipped_and_still_counted_in_line_numbers():
    report = run(b"\n\n" + json_lines(row(1), "", "{"))

    assert report.created == 1
    assert [rejection.position for rejection in report.rejected] == [5]


def test_broken_array_is_rejected_at_the_broken_record_and_earlier_records_are_kept():
    data = json.dumps([enhet(1), enhet(2), enhet(3)]).encode()
    broken = data[: data.index(org_number(3).encode()) + 4]

    report = run(broken)

    assert report.created == 2
    assert [rejection.position for rejection in report.rejected] == [3]
    assert "cannot be resynchronised" in report.rejected[0].reason
    assert not Organisation.objects.filter(org_number=org_number(3)).exists()


def test_bad_record_in_an_array_is_rejected_with_its_record_number():
    report = run(json.dumps([enhet(1), enhet(2, navn=""), enhet(3)]).encode())

    assert report.created == 2
    assert [(r.position, r.reason) for r in report.rejected] == [(2, "the name is missing")]


def test_truncated_gzip_keeps_the_rows_read_before_the_damage():
    data = gzip.compress(json_lines(*(row(n) for n in range(1, 200))))

    report = run(data[:-30])

    assert report.created > 0
    assert report.rejected_count == 1
    assert "compressed file is damaged" in report.rejected[0].reason


def test_later_row_with_the_same_org_number_in_a_file_wins():
    report = run(json_lines(row(1, name="Først"), row(1, name="Sist", municipalities=["1103"])))

    organisation = Organisation.objects.get(org_number=org_number(1))
    assert (report.created, report.updated, report.unchanged) == (1, 0, 0)
    assert organisation.name == "Sist"
    assert list(organisation.municipalities.values_list("number", flat=True)) == ["1103"]
    assert organisation.events.count() == 1


def snapshot():
    return sorted(
        (o.org_number, o.name, tuple(sorted(o.municipalities.values_list("number", flat=True)))) for o in imported()
    )


def test_batches_of_two_give_the_same_result_as_one_batch():
    rows = [row(1), row(2, municipalities=["1103"]), row(3), row(2, name="Igjen"), row(5)]
    one_batch = run(json_lines(*rows))
    expected = snapshot()
    Organisation.objects.filter(org_number__in=[org_number(n) for n in range(1, 6)]).delete()

    small_batches = run(json_lines(*rows), batch_size=2)

    assert snapshot() == expected
    assert (one_batch.created, small_batches.created + small_batches.updated) == (4, 5)


def test_queries_per_batch_do_not_grow_with_the_batch():
    def queries(count, offset):
        with CaptureQueriesContext(connection) as context:
            run(json_lines(*(row(n, welfare_areas=["dementia"]) for n in range(offset, offset + count))))
        return len(context.captured_queries)

    assert queries(3, offset=1) == queries(20, offset=100)


def test_stored_rejections_are_capped_and_the_rest_counted(monkeypatch):
    monkeypatch.setattr(importing, "MAX_STORED_REJECTIONS", 2)

    report = run(json_lines("{", "{", "{", row(1)))

    assert (report.created, report.rejected_count, len(report.rejected)) == (1, 3, 2)


def test_command_prints_the_counts_and_every_rejection(tmp_path):
    path = tmp_path / "organisations.jsonl"
    path.write_bytes(json_lines(row(1), row(2, org_number="123456789"), row(3)))
    out = io.StringIO()

    call_command("import_organisations", str(path), stdout=out)

    assert out.getvalue().splitlines() == [
        "Created: 2, updated: 0, unchanged: 0, rejected: 1",
        "line 2: invalid organisation number 123456789",
    ]


def test_command_names_array_positions_records(tmp_path):
    path = tmp_path / "enheter_alle.json.gz"
    path.write_bytes(gzip.compress(json.dumps([enhet(1), enhet(2, navn=None)]).encode()))
    out = io.StringIO()

    call_command("import_organisations", str(path), stdout=out)

    assert out.getvalue().splitlines()[1:] == ["record 2: the name is missing"]


def test_command_reads_standard_input_for_a_dash(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json_lines(row(1)))))
    out = io.StringIO()

    call_command("import_organisations", "-", stdout=out)

    assert out.getvalue().startswith("Created: 1,")


def test_command_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match=r"Cannot read .*missing\.jsonl: No such file or directory"):
        call_command("import_organisations", str(tmp_path / "missing.jsonl"))
