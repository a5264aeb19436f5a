"""Every page is valid HTML according to the Nu Html Checker (vnu.jar from npm, run on the machine's Java)."""

import json
import os
import shutil
import subprocess

import pytest

from .conftest import VNU_JAR
from .pages import PAGES

pytestmark = pytest.mark.django_db


def test_every_page_is_valid_html(client, tmp_path):
    java = shutil.which("java")
    if java is None and not os.environ.get("CI"):
        pytest.skip("Java is not installed; CI runs this check")
    assert java is not None, "Java is required for the Nu Html Checker"
    files = []
    for index, path in enumerate(PAGES):
        response = client.get(path)
        assert response.status_code in {200, 400, 404}, path
        file = tmp_path / f"page-{index:02d}.html"
        file.write_bytes(response.content)
        files.append((path, file))

    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *[str(file) for _, file in files]],
        capture_output=True,
        text=True,
        check=False,
    )

    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    by_page = {str(file): path for path, file in files}
    errors = [f"{by_page.get(m.get('url', '').removeprefix('file:'), m.get('url'))}: {m['message']}" for m in messages]
    assert errors == []
    assert result.returncode == 0
