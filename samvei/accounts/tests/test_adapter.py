"""allauth's e-mails: greeted from «Samvei», linked to the one site address (samvei.core.mail.site_url)."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from .factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "et-godt-passord-123"
LINK = re.compile(r"https?://\S+")


def sign_up(client, email="ny@example.org", **headers):
    return client.post(
        reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD}, **headers
    )


def test_the_confirmation_e_mail_greets_from_samvei_not_from_the_host(client, settings):
    settings.SAMVEI_SITE_URL = ""

    sign_up(client, HTTP_HOST="127.0.0.1:8811")

    body = mail.outbox[0].body
    assert body.splitlines()[0] == "Hei fra Samvei!"
    assert "Hei fra 127.0.0.1" not in body
    assert "testserver" not in body


def test_without_a_configured_address_the_confirmation_links_to_the_address_signed_up_at(client, settings):
    settings.SAMVEI_SITE_URL = ""

    sign_up(client, HTTP_HOST="127.0.0.1:8811")

    assert LINK.search(mail.outbox[0].body).group(0).startswith("http://127.0.0.1:8811/konto/confirm-email/")


def test_the_confirmation_e_mail_links_to_the_configured_site_address(client, settings):
    settings.SAMVEI_SITE_URL = "https://samvei.example.no"

    sign_up(client, HTTP_HOST="127.0.0.1:8811")

    body = mail.outbox[0].body
    assert "127.0.0.1:8811" not in body
    assert LINK.search(body).group(0).startswith("https://samvei.example.no/konto/confirm-email/")
    assert body.rstrip().endswith("https://samvei.example.no")


def test_the_link_moved_to_the_configured_address_still_confirms(client, settings):
    settings.SAMVEI_SITE_URL = "https://samvei.example.no"
    sign_up(client)
    link = LINK.search(mail.outbox[0].body).group(0)

    client.post(link.removeprefix("https://samvei.example.no"))

    assert UserFactory._meta.model.objects.get(email="ny@example.org").emailaddress_set.get().verified


def test_the_password_reset_e_mail_links_to_the_configured_site_address(client, settings):
    settings.SAMVEI_SITE_URL = "https://samvei.example.no"
    UserFactory(email="kari@example.org")

    client.post(reverse("account_reset_password"), {"email": "kari@example.org"}, HTTP_HOST="127.0.0.1:8811")

    body = mail.outbox[-1].body
    assert LINK.search(body).group(0).startswith("https://samvei.example.no/konto/password/reset/key/")
    assert "127.0.0.1:8811" not in body


def test_the_e_mail_to_an_unknown_address_links_to_sign_up_at_the_configured_address(client, settings):
    settings.SAMVEI_SITE_URL = "https://samvei.example.no"

    client.post(reverse("account_reset_password"), {"email": "ukjent@example.org"}, HTTP_HOST="127.0.0.1:8811")

    assert "https://samvei.example.no" + reverse("account_signup") in mail.outbox[-1].body
