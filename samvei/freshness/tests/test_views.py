import datetime

import pytest
from django.urls import reverse

from samvei.accounts.tests.factories import UserFactory
from samvei.organisations.tests.factories import ContactPointFactory

pytestmark = pytest.mark.django_db

URL = reverse("freshness:list")


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_signed_in_user_who_is_not_staff_is_refused(client):
    client.force_login(UserFactory())

    assert client.get(URL).status_code == 403


def test_staff_see_the_due_fact_with_its_dates_and_the_policy(client):
    point = ContactPointFactory(last_confirmed_on=datetime.date(2024, 5, 2))
    client.force_login(UserFactory(is_staff=True))

    page = client.get(URL).content.decode()

    assert str(point) in page
    assert "2. mai 2024" in page
    assert reverse("admin:organisations_organisation_change", args=[point.organisation.pk]) in page
    assert "12 måneder" in page


def test_staff_reach_the_list_from_their_profile(client):
    client.force_login(UserFactory(is_staff=True))

    assert URL in client.get(reverse("accounts:profile")).content.decode()


def test_the_profile_of_a_user_who_is_not_staff_has_no_link_to_the_list(client):
    client.force_login(UserFactory())

    assert URL not in client.get(reverse("accounts:profile")).content.decode()
