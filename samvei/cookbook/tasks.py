from datetime import timedelta

from django_tasks import task

from samvei.core.periodic import then_run_again

from . import notifications

REMINDERS_EVERY = timedelta(hours=24)


@task()
def notify_moderators(*, comment_id: int) -> None:
    notifications.comment_awaits_moderation(comment_id=comment_id)


@task()
def send_funding_reminders(*, repeat: bool = True) -> int:
    """Reminds organisations that follow a scheme two weeks before its next deadline, once per deadline."""
    with then_run_again(send_funding_reminders, after=REMINDERS_EVERY, repeat=repeat):
        return notifications.funding_reminders()
