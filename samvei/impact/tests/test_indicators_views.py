"""Every indicator page and action against every role: the two parties see and change; anyone else, staff
included, gets a 404 (the effect data are private); anonymous visitors are sent to sign in. Bad input shows
the page again with a 400 and saves nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from samvei.collaborations.models import CollaborationEvent
from samvei.core.tests.access import outcome, signed_in_as
from samvei.impact.measurements_csv import MAX_BYTES
from samvei.impact.models import Indicator, Measurement

from .factories import IndicatorFactory, LogicModelEntryFactory, MeasurementFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "outsider", "third_org_member", "staff", "body_member", "partner_member"]
PARTIES = {"body_member", "partner_member"}
TODAY = timezone.localdate()
INDICATOR_POST = {
    "name": "Besøk per uke",
    "unit": "besøk",
    "direction": "higher",
    "baseline": "2,5",
    "baseline_on": "2026-01-01",
    "target": "10",
    "target_on": "2027-01-01",
    "data_source": "Besøksloggen",
    "outcome": "",
}


def expected(role, *, ok):
    if role == "anonymous":
        return "login"
    return ok if role in PARTIES else 404


@pytest.fixture
def indicator(collaboration):
    return IndicatorFactory(collaboration=collaboration, name="Besøk per uke")


def url(name, indicator=None, collaboration=None):
    if indicator is not None:
        return reverse(f"impact:{name}", kwargs={"pk": indicator.collaboration_id, "indicator_pk": indicator.pk})
    return reverse(f"impact:{name}", kwargs={"pk": collaboration.pk})


def csv_upload(text, name="malinger.csv"):
    content = text if isinstance(text, bytes) else text.encode()
    return {"upload-file": SimpleUploadedFile(name, content, content_type="text/csv")}


def measurement_post(**fields):
    return {"measurement-measured_on": TODAY.isoformat(), "measurement-value": "3,5", "measurement-note": ""} | {
        f"measurement-{key}": value for key, value in fields.items()
    }


# Access ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_the_overview_lists_the_indicators_to_the_parties_only(client, request, collaboration, indicator, role):
    MeasurementFactory(indicator=indicator, value=Decimal("7.5"))

    response = signed_in_as(client, request, role).get(reverse("impact:overview", kwargs={"pk": collaboration.pk}))

    assert outcome(response) == expected(role, ok=200)
    assert ("Besøk per uke" in response.text) is (role in PARTIES)
    if role in PARTIES:
        assert "7,5" in response.text
        assert url("indicator-detail", indicator) in response.text
        assert url("indicator-add", collaboration=collaboration) in response.text


@pytest.mark.parametrize("role", ROLES)
def test_the_indicator_page_is_for_the_parties_only(client, request, indicator, role):
    response = signed_in_as(client, request, role).get(url("indicator-detail", indicator))

    assert outcome(response) == expected(role, ok=200)
    assert ("Besøk per uke" in response.text) is (role in PARTIES)
    assert ('role="img"' in response.text) is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_the_add_page_is_for_the_parties_only(client, request, collaboration, role):
    response = signed_in_as(client, request, role).get(url("indicator-add", collaboration=collaboration))

    assert outcome(response) == expected(role, ok=200)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_add_an_indicator(client, request, collaboration, role):
    response = signed_in_as(client, request, role).post(
        url("indicator-add", collaboration=collaboration), INDICATOR_POST
    )

    assert outcome(response) == expected(role, ok=302)
    assert Indicator.objects.filter(collaboration=collaboration).exists() is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_change_an_indicator(client, request, indicator, role):
    data = INDICATOR_POST | {"name": "Nytt navn"}

    response = signed_in_as(client, request, role).post(url("indicator-edit", indicator), data)

    indicator.refresh_from_db()
    assert outcome(response) == expected(role, ok=302)
    assert (indicator.name == "Nytt navn") is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_add_a_measurement(client, request, indicator, role):
    response = signed_in_as(client, request, role).post(url("measurement-add", indicator), measurement_post())

    assert outcome(response) == expected(role, ok=302)
    assert Measurement.objects.filter(indicator=indicator).exists() is (role in PARTIES)


@pytest.mark.parametrize("role", ROLES)
def test_only_the_parties_upload_measurements(client, request, indicator, role):
    response = signed_in_as(client, request, role).post(
        url("measurements-upload", indicator), csv_upload("dato;verdi\n01.03.2026;4\n")
    )

    assert outcome(response) == expected(role, ok=302)
    assert Measurement.objects.filter(indicator=indicator).exists() is (role in PARTIES)


@pytest.mark.parametrize("name", ["measurement-add", "measurements-upload"])
def test_posting_measurements_refuses_get(client, body_member, indicator, name):
    client.force_login(body_member)

    assert client.get(url(name, indicator)).status_code == 405


# Crafted addresses ----------------------------------------------------------------------------------------


def test_another_collaborations_indicator_is_not_found_under_this_one(
    client, body_member, collaboration, other_collaboration
):
    foreign = IndicatorFactory(collaboration=other_collaboration)
    address = reverse("impact:indicator-detail", kwargs={"pk": collaboration.pk, "indicator_pk": foreign.pk})
    client.force_login(body_member)

    assert client.get(address).status_code == 404


def test_a_measurement_on_another_collaborations_indicator_is_refused(
    client, body_member, collaboration, other_collaboration
):
    foreign = IndicatorFactory(collaboration=other_collaboration)
    address = reverse("impact:measurement-add", kwargs={"pk": collaboration.pk, "indicator_pk": foreign.pk})
    client.force_login(body_member)

    response = client.post(address, measurement_post())

    assert response.status_code == 404
    assert not Measurement.objects.exists()


def test_an_upload_to_another_collaborations_indicator_is_refused(
    client, body_member, collaboration, other_collaboration
):
    foreign = IndicatorFactory(collaboration=other_collaboration)
    address = reverse("impact:measurements-upload", kwargs={"pk": collaboration.pk, "indicator_pk": foreign.pk})
    client.force_login(body_member)

    response = client.post(address, csv_upload("dato;verdi\n01.03.2026;4\n"))

    assert response.status_code == 404
    assert not Measurement.objects.exists()


def test_editing_another_collaborations_indicator_is_refused(client, body_member, collaboration, other_collaboration):
    foreign = IndicatorFactory(collaboration=other_collaboration, name="Fremmed")
    address = reverse("impact:indicator-edit", kwargs={"pk": collaboration.pk, "indicator_pk": foreign.pk})
    client.force_login(body_member)

    response = client.post(address, INDICATOR_POST)

    foreign.refresh_from_db()
    assert response.status_code == 404
    assert foreign.name == "Fremmed"


# Indicator forms ------------------------------------------------------------------------------------------


def test_an_added_indicator_takes_a_decimal_comma_and_leads_to_its_page(client, body_member, collaboration):
    client.force_login(body_member)

    response = client.post(url("indicator-add", collaboration=collaboration), INDICATOR_POST)

    indicator = Indicator.objects.get()
    assert indicator.baseline == Decimal("2.5")
    assert response["Location"] == url("indicator-detail", indicator)
    assert CollaborationEvent.objects.filter(kind="indicator_added", data__name="Besøk per uke").exists()


def test_an_indicator_without_a_name_is_shown_again_with_400(client, body_member, collaboration):
    client.force_login(body_member)

    response = client.post(url("indicator-add", collaboration=collaboration), INDICATOR_POST | {"name": ""})

    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    assert not Indicator.objects.exists()


def test_an_empty_post_is_refused_with_400(client, body_member, collaboration):
    client.force_login(body_member)

    response = client.post(url("indicator-add", collaboration=collaboration), {})

    assert response.status_code == 400
    assert not Indicator.objects.exists()


def test_a_bad_baseline_is_refused_with_400(client, body_member, collaboration):
    client.force_login(body_member)

    response = client.post(url("indicator-add", collaboration=collaboration), INDICATOR_POST | {"baseline": "to"})

    assert response.status_code == 400
    assert not Indicator.objects.exists()


def test_only_this_collaborations_outcomes_are_offered(client, body_member, collaboration, other_collaboration):
    LogicModelEntryFactory(collaboration=collaboration, text="Mindre ensomhet på sykehjemmet")
    LogicModelEntryFactory(collaboration=other_collaboration, text="Hemmelig mål hos andre")
    client.force_login(body_member)

    response = client.get(url("indicator-add", collaboration=collaboration))

    assert "Mindre ensomhet på sykehjemmet" in response.text
    assert "Hemmelig mål hos andre" not in response.text


def test_an_outcome_of_another_collaboration_posted_by_hand_is_refused(
    client, body_member, collaboration, other_collaboration
):
    foreign = LogicModelEntryFactory(collaboration=other_collaboration)
    client.force_login(body_member)

    response = client.post(
        url("indicator-add", collaboration=collaboration), INDICATOR_POST | {"outcome": str(foreign.pk)}
    )

    assert response.status_code == 400
    assert not Indicator.objects.exists()


def test_the_edit_form_shows_the_values_with_a_decimal_comma(client, body_member, collaboration):
    indicator = IndicatorFactory(collaboration=collaboration, baseline=Decimal("2.5"))
    client.force_login(body_member)

    response = client.get(url("indicator-edit", indicator))

    assert 'value="2,5"' in response.text


def test_a_changed_indicator_is_saved_and_recorded(client, partner_member, indicator):
    client.force_login(partner_member)

    client.post(url("indicator-edit", indicator), INDICATOR_POST | {"name": "Besøk per måned"})

    indicator.refresh_from_db()
    assert indicator.name == "Besøk per måned"
    assert CollaborationEvent.objects.filter(kind="indicator_changed", data__name="Besøk per måned").exists()


def test_a_bad_change_is_shown_again_with_400_and_changes_nothing(client, body_member, indicator):
    client.force_login(body_member)

    response = client.post(url("indicator-edit", indicator), INDICATOR_POST | {"name": "Nytt", "direction": "sideways"})

    indicator.refresh_from_db()
    assert response.status_code == 400
    assert indicator.name == "Besøk per uke"


# Measurements ---------------------------------------------------------------------------------------------


def test_a_measurement_with_a_decimal_comma_is_saved(client, body_member, indicator):
    client.force_login(body_member)

    response = client.post(url("measurement-add", indicator), measurement_post(value="3,5", note="God uke"))

    assert response["Location"] == url("indicator-detail", indicator)
    assert Measurement.objects.get().value == Decimal("3.5")


def test_the_page_shows_a_measurement_in_its_table_and_chart(client, body_member, indicator):
    MeasurementFactory(indicator=indicator, measured_on=datetime.date(2026, 3, 1), value=Decimal("3.5"), note="Bra")
    client.force_login(body_member)

    response = client.get(url("indicator-detail", indicator))

    assert "<caption" in response.text
    assert "3,5" in response.text
    assert 'role="img"' in response.text


def test_a_second_value_for_a_day_is_refused_with_400(client, body_member, indicator):
    MeasurementFactory(indicator=indicator, measured_on=TODAY, value=Decimal(4))
    client.force_login(body_member)

    response = client.post(url("measurement-add", indicator), measurement_post(value="9"))

    assert response.status_code == 400
    assert 'id="id_measurement-measured_on-error"' in response.text or 'aria-invalid="true"' in response.text
    assert Measurement.objects.get().value == Decimal(4)


def test_a_future_measurement_is_refused_with_400(client, body_member, indicator):
    client.force_login(body_member)
    tomorrow = (TODAY + datetime.timedelta(days=1)).isoformat()

    response = client.post(url("measurement-add", indicator), measurement_post(measured_on=tomorrow))

    assert response.status_code == 400
    assert not Measurement.objects.exists()


@pytest.mark.parametrize("value", ["", "tre", "3,14159", "1.234,5"])
def test_a_bad_value_is_refused_with_400(client, body_member, indicator, value):
    client.force_login(body_member)

    response = client.post(url("measurement-add", indicator), measurement_post(value=value))

    assert response.status_code == 400
    assert not Measurement.objects.exists()


# Uploads --------------------------------------------------------------------------------------------------


def test_a_clean_file_is_saved_and_leads_back_to_the_page(client, body_member, indicator):
    client.force_login(body_member)

    response = client.post(
        url("measurements-upload", indicator), csv_upload("dato;verdi\n01.03.2026;4\n01.04.2026;5\n")
    )

    assert response["Location"] == url("indicator-detail", indicator)
    assert Measurement.objects.count() == 2


def test_a_file_with_bad_rows_shows_the_report(client, body_member, indicator):
    client.force_login(body_member)

    response = client.post(
        url("measurements-upload", indicator), csv_upload("dato;verdi\n01.03.2026;4\n01.04.2026;mye\n32.01.2026;2\n")
    )

    assert response.status_code == 200
    assert 'id="rejected-caption"' in response.text
    assert '<th scope="row" class="numeric">3</th>' in response.text
    assert '<th scope="row" class="numeric">4</th>' in response.text
    assert Measurement.objects.count() == 1


def test_a_file_over_one_megabyte_is_refused_with_400(client, body_member, indicator):
    client.force_login(body_member)
    data = b"dato;verdi\n01.03.2026;4\n" + b"\n" * MAX_BYTES

    response = client.post(url("measurements-upload", indicator), csv_upload(data))

    assert response.status_code == 400
    assert not Measurement.objects.exists()


def test_a_binary_file_is_refused_with_400(client, body_member, indicator):
    client.force_login(body_member)

    response = client.post(url("measurements-upload", indicator), csv_upload(b"\x89PNG\r\n\x1a\n\x00\x00", "bilde.csv"))

    assert response.status_code == 400
    assert not Measurement.objects.exists()


def test_an_upload_without_a_file_is_refused_with_400(client, body_member, indicator):
    client.force_login(body_member)

    response = client.post(url("measurements-upload", indicator), {})

    assert response.status_code == 400
