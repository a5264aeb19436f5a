from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from samvei.core.demo import registered_demo_loaders


class Command(BaseCommand):
    help = "Load every app's demo data (marked as examples where fictional). Loading twice changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            for name, loader in registered_demo_loaders().items():
                created = loader()
                summary = ", ".join(f"{count} {what}" for what, count in created.items())
                self.stdout.write(f"{name}: {summary} created.")
