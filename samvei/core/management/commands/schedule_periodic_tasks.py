from typing import Any

from django.core.management.base import BaseCommand
from django_tasks_db.models import DBTaskResult

from samvei.core.periodic import registered_periodic_tasks


class Command(BaseCommand):
    help = (
        "Queue every repeating task (closing expired challenges, funding reminders, refreshing match profiles) "
        "unless it is queued already."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for task in registered_periodic_tasks():
            waiting = DBTaskResult.objects.filter(status="READY", task_path=task.module_path).exists()
            if waiting:
                self.stdout.write(f"{task.module_path}: already queued")
            else:
                task.enqueue(repeat=True)
                self.stdout.write(f"{task.module_path}: queued")
