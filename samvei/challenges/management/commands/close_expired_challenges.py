from typing import Any

from django.core.management.base import BaseCommand

from samvei.challenges.services import challenges_close_expired


class Command(BaseCommand):
    help = "Close challenges whose deadline has passed (the worker also does this every hour)."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Closed {challenges_close_expired()} challenge(s) past their deadline.")
