"""Where the committed copy of the OpenAPI document lives: clients read it without running the site, and a test
fails when it differs from what the site serves (`make openapi` writes it again)."""

from pathlib import Path

OPENAPI_COPY = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"
