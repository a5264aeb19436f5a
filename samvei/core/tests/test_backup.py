"""make backup / make restore: a round trip gives back the same rows, on whichever database runs the tests."""

import pytest
from django.core.management import CommandError, call_command

from samvei.accounts.models import User
from samvei.accounts.tests.factories import UserFactory
from samvei.organisations.models import Organisation
from samvei.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _counts():
    return {model.__name__: model.objects.count() for model in (Organisation, User)}


def test_a_restore_gives_back_the_rows_of_the_backup(tmp_path):
    kept = OrganisationFactory(name="Bevart bedrift", description="Beskrivelse som skal tilbake.")
    UserFactory(email="bevart@example.org")
    kept_pk, before = kept.pk, _counts()
    backup = tmp_path / "samvei.backup"
    call_command("backup_database", str(backup))

    kept.delete()
    User.objects.filter(email="bevart@example.org").delete()
    OrganisationFactory(name="Kom etter sikkerhetskopien")
    call_command("restore_database", str(backup))

    assert _counts() == before
    restored = Organisation.objects.get(pk=kept_pk)
    assert (restored.name, restored.description) == ("Bevart bedrift", "Beskrivelse som skal tilbake.")
    assert not Organisation.objects.filter(name="Kom etter sikkerhetskopien").exists()
    assert User.objects.filter(email="bevart@example.org").exists()


def test_restoring_a_missing_file_is_refused_and_changes_nothing(tmp_path):
    before = _counts()

    with pytest.raises(CommandError, match="There is no backup file"):
        call_command("restore_database", str(tmp_path / "finnes-ikke.backup"))

    assert _counts() == before


def test_restoring_a_file_that_is_not_a_backup_is_refused_and_changes_nothing(tmp_path):
    junk = tmp_path / "junk.backup"
    junk.write_text("not a backup", encoding="utf-8")
    before = _counts()

    with pytest.raises(CommandError):
        call_command("restore_database", str(junk))

    assert _counts() == before
