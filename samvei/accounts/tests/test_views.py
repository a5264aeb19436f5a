import json

import pytest
from django.urls import reverse

from samvei.accounts.models import User
from samvei.organisations.models import Membership, OrganisationEvent
from samvei.organisations.services import organisation_update
from samvei.organisations.tests.factories import MembershipFactory

from .factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["accounts:profile", "accounts:delete"])
def test_account_pages_need_sign_in(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_personal_data_download_needs_sign_in(client):
    assert client.post(reverse("accounts:personal-data")).status_code == 302


def test_profile_saves_name_and_language_and_switches_to_it(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(reverse("accounts:profile"), {"name": "Kari Nordmann", "preferred_language": "en"})

    user.refresh_from_db()
    assert (user.name, user.preferred_language) == ("Kari Nordmann", "en")
    assert response.cookies["django_language"].value == "en"
    assert response["Location"].startswith("/en/")


def test_profile_refuses_an_unknown_language(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(reverse("accounts:profile"), {"name": "X", "preferred_language": "xx"})

    assert response.status_code == 400
    user.refresh_from_db()
    assert user.preferred_language == "nb"


def test_personal_data_export_contains_account_and_memberships(client):
    membership = MembershipFactory()
    client.force_login(membership.user)

    response = client.post(reverse("accounts:personal-data"))

    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert data["account"]["email"] == membership.user.email
    assert data["organisations"]["memberships"][0]["organisation"] == membership.organisation.name
    assert data["email_addresses"][0]["verified"] is True


def test_export_contains_only_the_requesting_users_data(client):
    mine, theirs = MembershipFactory(), MembershipFactory()
    client.force_login(mine.user)

    data = json.loads(client.post(reverse("accounts:personal-data")).content)

    assert theirs.user.email not in json.dumps(data)


def test_delete_with_the_wrong_email_deletes_nothing(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(reverse("accounts:delete"), {"email": "noen-andre@example.org"})

    assert response.status_code == 400
    assert User.objects.filter(pk=user.pk).exists()


def test_delete_removes_account_and_memberships_but_keeps_authored_changes_without_name(client):
    membership = MembershipFactory()
    user, organisation = membership.user, membership.organisation
    organisation_update(organisation=organisation, actor=user, data={"description": "Skrevet av brukeren"})
    client.force_login(user)

    response = client.post(reverse("accounts:delete"), {"email": user.email.upper()})

    assert response.status_code == 302
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Membership.objects.filter(organisation=organisation).exists()
    organisation.refresh_from_db()
    assert organisation.description == "Skrevet av brukeren"
    assert OrganisationEvent.objects.get(organisation=organisation, kind="profile_updated").actor is None
    assert "_auth_user_id" not in client.session
