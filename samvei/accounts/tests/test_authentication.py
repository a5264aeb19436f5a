import re

import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from samvei.accounts.models import User

from .factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "et-godt-passord-123"


def test_signup_sends_a_verification_email_and_verifying_allows_sign_in(client):
    response = client.post(
        reverse("account_signup"), {"email": "ny@example.org", "password1": PASSWORD, "password2": PASSWORD}
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)

    client.post(link.split("testserver", 1)[-1])

    assert User.objects.get(email="ny@example.org").emailaddress_set.get().verified is True


def test_unverified_user_cannot_sign_in(client):
    UserFactory(email="uverifisert@example.org", verified=False)

    response = client.post(reverse("account_login"), {"login": "uverifisert@example.org", "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")


def test_signup_refuses_a_weak_password_in_norwegian(client):
    response = client.post(
        reverse("account_signup"), {"email": "ny@example.org", "password1": "123", "password2": "123"}
    )

    assert response.status_code == 200
    assert "passord" in response.text.lower()
    assert not User.objects.filter(email="ny@example.org").exists()


def test_repeated_failed_logins_are_rate_limited(client):
    UserFactory(email="kari@example.org")
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "kari@example.org", "password": "feil-passord"})

    response = client.post(reverse("account_login"), {"login": "kari@example.org", "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert response.status_code == 200
    assert "for mange ganger uten å lykkes" in response.text


def test_correct_password_signs_in_before_the_limit(client):
    UserFactory(email="kari@example.org")

    client.post(reverse("account_login"), {"login": "kari@example.org", "password": PASSWORD})

    assert "_auth_user_id" in client.session


def test_password_reset_sends_an_email(client):
    UserFactory(email="kari@example.org")

    client.post(reverse("account_reset_password"), {"email": "kari@example.org"})

    assert mail.outbox[-1].to == ["kari@example.org"]


def test_openid_connect_login_is_off_by_default(client):
    response = client.get(reverse("account_login"))

    assert "openid_connect" not in response.text


OIDC = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "idporten",
                "name": "ID-porten",
                "client_id": "samvei",
                "secret": "hemmelig",
                "settings": {"server_url": "https://idporten.example.org"},
            }
        ],
    }
}


@override_settings(SOCIALACCOUNT_PROVIDERS=OIDC)
def test_configured_openid_connect_provider_is_offered_on_the_login_page(client):
    response = client.get(reverse("account_login"))

    assert "ID-porten" in response.text
    assert "/oidc/idporten/login/" in response.text
