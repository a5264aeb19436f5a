"""Every page is valid HTML according to the Nu Html Checker (vnu.jar from npm, run on the machine's Java)."""

import json
import os
import shutil
import subprocess

import pytest
from django.test import Client

from .conftest import VNU_JAR
from .pages import member_pages, public_pages

pytestmark = pytest.mark.django_db


def test_every_page_is_valid_html(client, tmp_path, staff_member, challenge_with_pitch, cookbook_content):
    java = shutil.which("java")
    if java is None and not os.environ.get("CI"):
        pytest.skip("Java is not installed; CI runs this check")
    assert java is not None, "Java is required for the Nu Html Checker"
    member = Client()
    member.force_login(staff_member)
    challenge, pitch = challenge_with_pitch
    pages = [(client, path) for path in public_pages(challenge_pk=challenge.pk, cookbook=cookbook_content)]
    pages += [
        (member, path)
        for path in member_pages(organisation_slug="stavanger-1103", challenge_pk=challenge.pk, pitch_pk=pitch.pk)
    ]
    files = {}
    for index, (http, path) in enumerate(pages):
        response = http.get(path)
        assert response.status_code in {200, 400, 404}, path
        file = tmp_path / f"page-{index:02d}.html"
        file.write_bytes(response.content)
        files[str(file)] = path

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        check=False,
    )

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{files.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: {m['message']}" for m in messages]
    assert errors == []
    assert result.returncode == 0
