from datetime import timedelta

from django_tasks import task

from samvei.core.periodic import then_run_again

from . import notifications

REMINDERS_EVERY = timedelta(hours=24)


@task()
def send_pilot_end_reminders(*, repeat: bool = True) -> int:
    """Daily: reminds both parties of a pilot 60 days before it ends, once per end date."""
    with then_run_again(send_pilot_end_reminders, after=REMINDERS_EVERY, repeat=repeat):
        return notifications.pilot_end_reminders()
