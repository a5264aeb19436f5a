from typing import Any

from django.core.management.base import BaseCommand

from samvei.organisations.demo_data import demo_data_load


class Command(BaseCommand):
    help = "Load example enterprises, real enterprises from public sources and example contact points."

    def handle(self, *args: Any, **options: Any) -> None:
        created = demo_data_load()
        self.stdout.write(
            f"Demo data: {created['organisations']} organisations and {created['contact_points']} contact points created."
        )
