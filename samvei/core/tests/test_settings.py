import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from config import env

ROOT = Path(settings.BASE_DIR)


def run_manage(*args: str, extra_env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **extra_env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_settings_pass_the_deployment_checklist():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        extra_env={"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": secrets.token_urlsafe(50)},
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_static_files_collect_with_hashed_names(tmp_path):
    result = run_manage(
        "collectstatic",
        "--noinput",
        extra_env={
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "STATIC_ROOT": str(tmp_path),
        },
    )

    assert result.returncode == 0, result.stderr
    manifest = (tmp_path / "staticfiles.json").read_text()
    assert "vendor/designsystemet/designsystemet.css" in manifest
    assert list(tmp_path.glob("vendor/inter/files/inter-latin-wght-normal.*.woff2"))


def test_production_settings_refuse_to_start_without_a_secret_key():
    environment = {"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": ""}

    result = run_manage("check", extra_env=environment)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_local_secret_key_is_generated_once_and_kept(tmp_path):
    path = tmp_path / "secret_key"

    first = env.local_secret_key(path)
    second = env.local_secret_key(path)

    assert first == second
    assert len(first) >= 50
    assert path.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("1", True), ("off", False), ("", False)])
def test_env_bool_reads_common_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("SAMVEI_TEST_FLAG", raw)

    assert env.env_bool("SAMVEI_TEST_FLAG", not expected) is expected


def test_env_bool_rejects_nonsense(monkeypatch):
    monkeypatch.setenv("SAMVEI_TEST_FLAG", "maybe")

    with pytest.raises(Exception, match="must be a boolean"):
        env.env_bool("SAMVEI_TEST_FLAG", False)
