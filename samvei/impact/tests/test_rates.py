"""The SROI's default discount rate is dated data with a source: the rate in force on the day is offered, and
before the first stored rate none is."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from samvei.impact.models import DiscountRate
from samvei.impact.selectors.rates import discount_rate_on

pytestmark = pytest.mark.django_db


def test_the_rates_from_the_file_are_rows_after_migrate():
    rates = list(DiscountRate.objects.order_by("valid_from"))
    assert [rate.valid_from for rate in rates] == [datetime.date(2005, 9, 23), datetime.date(2021, 6, 25)]
    assert all(rate.source.url for rate in rates)


def test_the_rate_in_force_is_the_newest_from_before_the_day():
    assert discount_rate_on(day=datetime.date(2021, 6, 24)).valid_from == datetime.date(2005, 9, 23)
    assert discount_rate_on(day=datetime.date(2021, 6, 25)).valid_from == datetime.date(2021, 6, 25)


def test_before_the_first_rate_none_is_in_force():
    assert discount_rate_on(day=datetime.date(2005, 9, 22)) is None


def test_the_form_offers_the_rate_in_force_and_names_its_source(client, body_member, collaboration):
    DiscountRate.objects.filter(valid_from=datetime.date(2021, 6, 25)).update(rate=Decimal("0.035"))
    client.force_login(body_member)

    response = client.get(reverse("impact:sroi", kwargs={"pk": collaboration.pk}))

    assert 'value="3,5"' in response.text
    assert "R-109/2021" in response.text


def test_without_a_stored_rate_the_form_offers_none_and_says_so(client, body_member, collaboration):
    DiscountRate.objects.all().delete()
    client.force_login(body_member)

    response = client.get(reverse("impact:sroi", kwargs={"pk": collaboration.pk}))

    assert response.status_code == 200
    assert 'name="analysis-discount_rate"' in response.text
    assert 'name="analysis-discount_rate" value=' not in response.text
