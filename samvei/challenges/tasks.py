"""Background tasks: each takes ids and calls one notification or service."""

from datetime import timedelta

from django_tasks import task

from samvei.core.periodic import then_run_again

from . import notifications


@task()
def notify_pitch_received(*, pitch_id: int) -> None:
    notifications.pitch_received(pitch_id=pitch_id)


@task()
def notify_pitch_status(*, pitch_id: int) -> None:
    notifications.pitch_status(pitch_id=pitch_id)


@task()
def notify_message(*, message_id: int) -> None:
    notifications.message_sent(message_id=message_id)


@task()
def notify_question_asked(*, question_id: int) -> None:
    notifications.question_asked(question_id=question_id)


@task()
def notify_question_answered(*, question_id: int) -> None:
    notifications.question_answered(question_id=question_id)


@task()
def deliver_waiting_pitches(*, receiver_id: int) -> int:
    from .services import pitches_deliver_waiting

    return pitches_deliver_waiting(receiver_id=receiver_id)


@task()
def alert_saved_searches(*, challenge_id: int) -> None:
    notifications.saved_search_alerts(challenge_id=challenge_id)


CLOSE_EXPIRED_EVERY = timedelta(hours=1)


@task()
def close_expired_challenges(*, repeat: bool = True) -> int:
    """Closes challenges past their deadline, then schedules itself again."""
    from .services import challenges_close_expired

    with then_run_again(close_expired_challenges, after=CLOSE_EXPIRED_EVERY, repeat=repeat):
        return challenges_close_expired()
