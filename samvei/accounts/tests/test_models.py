import pytest
from django.db import IntegrityError

from samvei.accounts.models import User

pytestmark = pytest.mark.django_db


def test_users_sign_in_with_email_and_passwords_are_hashed():
    user = User.objects.create_user("Kari@Example.org", "et-godt-passord-123")

    assert user.email == "Kari@example.org"
    assert user.check_password("et-godt-passord-123")
    assert not user.password.startswith("et-godt")


def test_email_is_unique_regardless_of_case():
    User.objects.create_user("kari@example.org", "x")

    with pytest.raises(IntegrityError):
        User.objects.create_user("KARI@example.org", "x")


def test_new_users_prefer_bokmal():
    assert User.objects.create_user("ola@example.org", "x").preferred_language == "nb"


def test_production_hashes_passwords_with_argon2(settings):
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
