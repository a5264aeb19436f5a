from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from samvei.search.services import rebuild_index


class Command(BaseCommand):
    help = "Index every public object of every searchable kind (or of the kinds given) from scratch."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("kinds", nargs="*", help="organisation, challenge, recipe, myth, case, funding, post")

    def handle(self, *args: Any, **options: Any) -> None:
        for kind, count in rebuild_index(kinds=options["kinds"] or None).items():
            self.stdout.write(f"{kind}: {count}")
