"""Every refusal keeps its code, so a caller (and a test) can tell which one it got, and the form shows it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from samvei.challenges.models import Challenge
from samvei.challenges.services import challenge_create, challenge_update, pitch_set_status
from samvei.core.attachments import validate_attachments
from samvei.organisations.tests.factories import ContactPointFactory

pytestmark = pytest.mark.django_db

LAST_YEAR = timezone.localdate() - datetime.timedelta(days=365)


def _codes(error: ValidationError) -> dict[str, list[str | None]]:
    return {field: [e.code for e in errors] for field, errors in error.error_dict.items()}


def test_a_past_deadline_is_refused_with_its_code(stavanger):
    with pytest.raises(ValidationError) as refused:
        challenge_create(owner=stavanger, actor=None, data={"title": "T", "description": "D", "deadline": LAST_YEAR})

    assert _codes(refused.value) == {"deadline": ["deadline_past"]}
    assert not Challenge.objects.exists()


def test_a_deadline_in_2020_is_refused_on_the_form_and_nothing_is_saved(client, owner_member, stavanger):
    client.force_login(owner_member)

    response = client.post(
        reverse("challenges:create") + f"?organisation={stavanger.slug}",
        {"title": "Ensomhet", "description": "Få besøk.", "deadline": "2020-03-01", "intent": "exploration"},
    )

    assert response.status_code == 400
    assert response.context["form"].has_error("deadline", "deadline_past")
    assert not Challenge.objects.exists()


def test_moving_a_deadline_into_the_past_is_refused(challenge, owner_member):
    with pytest.raises(ValidationError) as refused:
        challenge_update(challenge=challenge, actor=owner_member, data={"deadline": LAST_YEAR})

    assert _codes(refused.value) == {"deadline": ["deadline_past"]}


def test_another_bodys_contact_point_is_refused_with_its_code(stavanger, oslo):
    point = ContactPointFactory(organisation=oslo)

    with pytest.raises(ValidationError) as refused:
        challenge_create(owner=stavanger, actor=None, data={"title": "T", "description": "D", "contact_point": point})

    assert _codes(refused.value) == {"contact_point": ["contact_point"]}


def test_declining_without_a_reason_is_refused_with_its_code(pitch, owner_member):
    with pytest.raises(ValidationError) as refused:
        pitch_set_status(pitch=pitch, actor=owner_member, to_status="declined", reason=" ")

    assert _codes(refused.value) == {"reason": ["reason"]}


def test_each_refused_upload_keeps_its_own_code():
    empty = SimpleUploadedFile("tom.pdf", b"")
    program = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")

    with pytest.raises(ValidationError) as refused:
        validate_attachments([empty, program])

    assert [error.code for error in refused.value.error_list] == ["empty", "file_type"]
