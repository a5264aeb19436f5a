"""Uploaded files reach the reader under a name that says what they are, never the sender's extension."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samvei.challenges.models import Pitch, PitchAttachment
from samvei.challenges.services import pitch_submit
from samvei.core.attachments import MAX_ATTACHMENTS
from samvei.core.tests.test_attachments import PDF_BYTES

pytestmark = pytest.mark.django_db

PITCH = {"title": "Besøksvenner", "summary": "Ungdom besøker eldre."}


@pytest.mark.parametrize("name", ["report.pdf.html", "budget.pdf.cmd", "tilbud.hta", "plan"])
def test_a_pdf_is_stored_and_offered_as_a_pdf_whatever_it_was_called(
    client, challenge, enterprise, entrepreneur, owner_member, name
):
    pitch = pitch_submit(
        challenge=challenge,
        sender=enterprise,
        actor=entrepreneur,
        data=PITCH,
        uploads=[SimpleUploadedFile(name, PDF_BYTES)],
    )
    attachment = PitchAttachment.objects.get(pitch=pitch)
    client.force_login(owner_member)

    response = client.get(attachment.get_absolute_url())

    assert attachment.file.name.endswith(".pdf")
    assert attachment.original_name.endswith(".pdf")
    assert attachment.original_name.count(".") == 1
    assert response["Content-Disposition"].startswith("attachment;")
    assert f'filename="{attachment.original_name}"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_more_files_than_allowed_are_refused_and_nothing_is_stored(client, challenge, enterprise, entrepreneur):
    client.force_login(entrepreneur)
    files = [SimpleUploadedFile(f"plan{n}.pdf", PDF_BYTES) for n in range(MAX_ATTACHMENTS + 1)]

    response = client.post(
        reverse("challenges:pitch-create", kwargs={"pk": challenge.pk}),
        {**PITCH, "sender": enterprise.pk, "attachments": files},
    )

    assert response.status_code == 400
    assert not Pitch.objects.exists()
    assert not PitchAttachment.objects.exists()


def test_a_body_larger_than_any_submission_is_refused_unread(client, challenge, entrepreneur):
    client.force_login(entrepreneur)

    response = client.generic(
        "POST",
        reverse("challenges:pitch-create", kwargs={"pk": challenge.pk}),
        b"x",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
    )

    assert response.status_code == 413
    assert not Pitch.objects.exists()
