from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django_tasks_db.models import DBTaskResult

from samvei.challenges.services import challenges_close_expired
from samvei.challenges.tasks import close_expired_challenges


class Command(BaseCommand):
    help = "Close challenges whose deadline has passed; with --schedule, let the worker do it every hour."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the hourly task for the worker, unless it is already queued.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        closed = challenges_close_expired()
        self.stdout.write(f"Closed {closed} challenge(s) past their deadline.")
        if options["schedule"]:
            task_path = close_expired_challenges.module_path
            if DBTaskResult.objects.ready().filter(task_path=task_path).exists():
                self.stdout.write("The hourly task is already queued.")
            else:
                close_expired_challenges.enqueue(repeat=True)
                self.stdout.write("Queued the hourly task for the worker.")
