"""Confirming the address signs the person in, in the browser that signed up and only there."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from samvei.accounts.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "et-godt-passord-123"


def confirmation_path(client) -> str:
    client.post(reverse("account_signup"), {"email": "ny@example.org", "password1": PASSWORD, "password2": PASSWORD})
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def test_confirming_the_address_signs_the_person_in(client):
    path = confirmation_path(client)

    client.post(path)

    assert client.session["_auth_user_id"] == str(User.objects.get(email="ny@example.org").pk)


def test_after_confirming_the_person_lands_on_my_organisations_with_a_next_step(client):
    path = confirmation_path(client)

    response = client.post(path, follow=True)

    assert response.redirect_chain[-1][0] == reverse("organisations:mine")
    assert reverse("organisations:register") in response.text
    assert reverse("organisations:list") in response.text


def test_a_link_opened_in_another_browser_confirms_but_asks_for_the_password():
    path = confirmation_path(Client())
    other_browser = Client()

    response = other_browser.post(path)

    assert "_auth_user_id" not in other_browser.session
    assert response["Location"] == reverse("account_login")
    assert User.objects.get(email="ny@example.org").emailaddress_set.get().verified
