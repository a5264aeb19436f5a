import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.test import Client

from samvei.core.openapi_copy import OPENAPI_COPY


class Command(BaseCommand):
    help = "Write the OpenAPI document the site serves at /api/v1/openapi.json to docs/openapi.json (or FILE)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", nargs="?", default=str(OPENAPI_COPY))

    def handle(self, *args: Any, **options: Any) -> None:
        served = Client().get("/api/v1/openapi.json", HTTP_HOST="localhost")
        document = served.json()
        Path(options["file"]).write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        self.stdout.write(f"Wrote {options['file']}")
