"""The thresholds page answers the advisor's question with the rows' values and sources, from a link."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

QUESTION = {"buyer": "municipality", "category": "goods_services", "value": "2300000", "date": "2025-01-01"}


def test_the_cookbook_links_to_the_thresholds_page(client):
    assert reverse("procurement:thresholds") in client.get(reverse("cookbook:index")).text


def test_the_page_without_a_question_shows_the_form(client):
    response = client.get(reverse("procurement:thresholds"))

    assert response.status_code == 200
    assert 'name="value"' in response.text


def test_an_answer_shows_each_threshold_with_its_source(client):
    page = client.get(reverse("procurement:thresholds"), QUESTION).text

    assert "2\xa0300\xa0000" in page or "2 300 000" in page
    assert "https://www.ks.no/ks-advokatene/nyheter/nye-eos-terskelverdier-for-2024-2026/" in page
    assert "Prop. 147 L" in page


def test_a_day_after_the_last_check_is_warned_about(client):
    page = client.get(reverse("procurement:thresholds"), {**QUESTION, "date": "2027-06-01"}).text

    assert "sist kontrollerte" in page


def test_an_unknown_threshold_is_said_to_be_unknown(client):
    page = client.get(reverse("procurement:thresholds"), {**QUESTION, "buyer": "state", "date": "2017-06-01"}).text

    assert "Derfor sier vi ikke om verdien når den" in page


@pytest.mark.parametrize("change", [{"value": "-1"}, {"value": "²"}, {"buyer": "kommune"}, {"date": "i går"}])
def test_bad_input_is_a_400_with_the_error_summary_and_no_answer(client, change):
    response = client.get(reverse("procurement:thresholds"), {**QUESTION, **change})

    assert response.status_code == 400
    assert "data-error-summary" in response.text
    assert 'id="answer"' not in response.text
