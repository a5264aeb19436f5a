from typing import Any

from django.core.management.base import BaseCommand

from samvei.matching.index import KINDS
from samvei.matching.services import profiles_refresh


class Command(BaseCommand):
    help = (
        "Bring the match profiles of organisations and open challenges up to date, computing the embeddings "
        "of texts that are new or changed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for kind in KINDS:
            self.stdout.write(f"{kind}: {profiles_refresh(kind=kind)} profiles changed")
