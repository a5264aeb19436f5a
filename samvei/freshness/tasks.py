from datetime import timedelta

from django_tasks import task

from samvei.core.periodic import then_run_again

from . import notifications

RECHECK_LIST_EVERY = timedelta(days=7)


@task()
def send_recheck_list(*, repeat: bool = True) -> int:
    """Weekly: tells staff which facts are due for a check against their sources."""
    with then_run_again(send_recheck_list, after=RECHECK_LIST_EVERY, repeat=repeat):
        return notifications.recheck_list()
