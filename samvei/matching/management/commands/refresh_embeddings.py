from typing import Any

from django.core.management.base import BaseCommand

from samvei.matching.services import embeddings_refresh_all


class Command(BaseCommand):
    help = "Compute the missing or outdated embeddings of organisations and open challenges."

    def handle(self, *args: Any, **options: Any) -> None:
        for kind in ("organisation", "challenge"):
            self.stdout.write(f"{kind}: {embeddings_refresh_all(kind=kind)} embedded")
