"""The account pages and e-mails in our own words. allauth's bokmål read as translated («Bekreftelsese-post…»,
«Vennligst bekreft at … er en e-postadresse for bruker …»), and Django's «too short» message showed in English.
The Norwegian assertions hold once var/i18n/small.po is merged into the catalogue."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from .factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "et-godt-passord-123"
STIFF = ["Vennligst", "Bekreftelsese-post", "for bruker", "Glemt ditt passord", "(igjen)", "Endre Passord"]


def en(name: str, **kwargs) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def sign_up(client, url=None):
    return client.post(
        url or reverse("account_signup"),
        {"email": "ny@example.org", "password1": PASSWORD, "password2": PASSWORD},
        follow=True,
    )


def confirmation_path() -> str:
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def test_a_short_password_is_refused_in_norwegian_not_english(client):
    response = client.post(
        reverse("account_signup"), {"email": "ny@example.org", "password1": "kort", "password2": "kort"}
    )

    assert "This password is too short" not in response.text
    assert "Passordet er for kort. Bruk minst 10 tegn." in response.text


def test_a_short_password_is_refused_in_our_own_english(english_client):
    response = english_client.post(
        en("account_signup"), {"email": "ny@example.org", "password1": "kort", "password2": "kort"}
    )

    assert "The password is too short. Use at least 10 characters." in response.text


def test_a_wrong_password_is_explained_plainly(client):
    UserFactory(email="kari@example.org")

    response = client.post(reverse("account_login"), {"login": "kari@example.org", "password": "feil-passord"})

    assert "E-postadressen eller passordet er feil." in response.text
    assert "og/eller" not in response.text


def test_a_wrong_password_is_explained_plainly_in_english(english_client):
    UserFactory(email="kari@example.org")

    response = english_client.post(en("account_login"), {"login": "kari@example.org", "password": "feil-passord"})

    assert "The e-mail address or the password is wrong." in response.text


def test_the_sign_up_pages_do_not_sound_translated(client):
    signed_up = sign_up(client)
    confirm_page = client.get(confirmation_path())

    for text in [signed_up.text, confirm_page.text, mail.outbox[-1].body]:
        assert not [phrase for phrase in STIFF if phrase in text]
    assert "Vi har sendt en e-post til ny@example.org." in signed_up.text
    assert "Bekreft at ny@example.org er e-postadressen din." in confirm_page.text
    assert mail.outbox[-1].subject == "[Samvei] Bekreft e-postadressen din"


def test_the_confirmation_page_asks_plainly_in_english(english_client):
    sign_up(english_client, en("account_signup"))

    response = english_client.get(confirmation_path().replace("/konto/", "/en/account/"))

    assert "Confirm that ny@example.org is your e-mail address." in response.text
    assert "for user" not in response.text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("account_login", "Glemt passordet?"),
        ("account_change_password", "Gjenta det nye passordet"),
        ("account_email", "Hovedadresse"),
        ("account_reset_password", "Send meg en lenke"),
        ("account_logout", "Vil du logge ut?"),
    ],
)
def test_every_account_page_reads_as_plain_norwegian(client, name, expected):
    if name != "account_login" and name != "account_reset_password":
        client.force_login(UserFactory())

    response = client.get(reverse(name))

    assert response.status_code == 200
    assert expected in response.text
    assert not [phrase for phrase in STIFF if phrase in response.text]


def test_the_password_reset_e_mail_is_plain_norwegian(client):
    UserFactory(email="kari@example.org")

    client.post(reverse("account_reset_password"), {"email": "kari@example.org"})

    message = mail.outbox[-1]
    assert message.subject == "[Samvei] Lag et nytt passord"
    assert "Noen har bedt om et nytt passord til kontoen din på Samvei." in message.body
    assert message.body.splitlines()[0] == "Hei fra Samvei!"


def test_the_sign_in_form_asks_for_the_e_mail_address_as_sign_up_does(client):
    from django.urls import reverse

    page = client.get(reverse("account_login")).content.decode()

    assert '<label class="ds-label" for="id_login">E-postadresse</label>' in page


def test_a_refused_sign_up_lists_each_field_error_in_a_summary_that_links_to_the_field(client):
    response = client.post(reverse("account_signup"), {"email": "ikke-en-adresse", "password1": "", "password2": ""})
    page = response.content.decode()

    summary = page[page.index("data-error-summary") : page.index("</div>", page.index("data-error-summary"))]
    assert 'href="#id_email"' in summary
    assert 'href="#id_password1"' in summary
