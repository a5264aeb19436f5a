"""Where uploads go is decided by the environment at start-up, so each case imports the settings afresh in a
subprocess with its own variables. Nothing here reaches the network: boto3 signs URLs locally."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
STORAGE_VARIABLES = (
    "S3_BUCKET",
    "S3_ENDPOINT_URL",
    "S3_REGION",
    "S3_ADDRESSING_STYLE",
    "MEDIA_ROOT",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
)
DESCRIBE_DEFAULT_STORAGE = """
import json
import django
django.setup()
from django.core.files.storage import storages
storage = storages["default"]
kind = type(storage)
out = {"backend": f"{kind.__module__}.{kind.__qualname__}"}
if out["backend"] == "storages.backends.s3.S3Storage":
    out.update(
        bucket=storage.bucket_name,
        endpoint=storage.endpoint_url,
        region=storage.region_name,
        addressing_style=storage.addressing_style,
        default_acl=storage.default_acl,
        querystring_auth=storage.querystring_auth,
        file_overwrite=storage.file_overwrite,
        url=storage.url("private/pitchattachment/2026/12/token.pdf"),
    )
else:
    out["location"] = str(storage.location)
print(json.dumps(out))
"""


def describe_default_storage(tmp_path: Path, *, settings_module: str, extra_env: dict[str, str]) -> dict:
    """The default storage as a process started with `extra_env` builds it."""
    inherited = {k: v for k, v in os.environ.items() if k not in STORAGE_VARIABLES and k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        # No credentials or profiles from this machine's ~/.aws may leak into the result.
        "AWS_CONFIG_FILE": str(tmp_path / "aws-config"),
        "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "aws-credentials"),
        "DJANGO_SETTINGS_MODULE": settings_module,
        "SECRET_KEY": secrets.token_urlsafe(50),
        **extra_env,
    }
    result = subprocess.run(
        [sys.executable, "-c", DESCRIBE_DEFAULT_STORAGE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("settings_module", ["config.settings.production", "config.settings.dev"])
def test_uploads_go_to_the_file_system_when_no_bucket_is_named(tmp_path, settings_module):
    media = tmp_path / "media"

    storage = describe_default_storage(tmp_path, settings_module=settings_module, extra_env={"MEDIA_ROOT": str(media)})

    assert storage == {"backend": "django.core.files.storage.filesystem.FileSystemStorage", "location": str(media)}


@pytest.mark.parametrize("settings_module", ["config.settings.production", "config.settings.dev"])
def test_uploads_go_to_the_named_s3_compatible_bucket(tmp_path, settings_module):
    storage = describe_default_storage(
        tmp_path,
        settings_module=settings_module,
        extra_env={
            "S3_BUCKET": "samvei-uploads",
            "S3_ENDPOINT_URL": "https://objects.example.no",
            "S3_REGION": "no-oslo-1",
            "S3_ADDRESSING_STYLE": "path",
            "AWS_ACCESS_KEY_ID": "EXAMPLEKEYID",
            "AWS_SECRET_ACCESS_KEY": "example-secret",
        },
    )

    assert storage["backend"] == "storages.backends.s3.S3Storage"
    assert storage["bucket"] == "samvei-uploads"
    assert storage["endpoint"] == "https://objects.example.no"
    assert storage["region"] == "no-oslo-1"
    assert storage["addressing_style"] == "path"
    assert storage["file_overwrite"] is False


def test_files_in_the_bucket_stay_private(tmp_path):
    """No public ACL, and the only address the storage hands out is signed and expires."""
    storage = describe_default_storage(
        tmp_path,
        settings_module="config.settings.production",
        extra_env={
            "S3_BUCKET": "samvei-uploads",
            "S3_ENDPOINT_URL": "https://objects.example.no",
            "S3_REGION": "no-oslo-1",
            "S3_ADDRESSING_STYLE": "path",
            "AWS_ACCESS_KEY_ID": "EXAMPLEKEYID",
            "AWS_SECRET_ACCESS_KEY": "example-secret",
        },
    )

    assert storage["default_acl"] is None
    assert storage["querystring_auth"] is True
    url = urlsplit(storage["url"])
    query = parse_qs(url.query)
    assert f"{url.scheme}://{url.netloc}{url.path}" == (
        "https://objects.example.no/samvei-uploads/private/pitchattachment/2026/12/token.pdf"
    )
    assert query["X-Amz-Credential"][0].startswith("EXAMPLEKEYID/")
    assert query["X-Amz-Signature"][0]
    assert query["X-Amz-Expires"] == ["3600"]
