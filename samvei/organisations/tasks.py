"""Background tasks take ids, so they read the committed state; each calls one notification."""

from django_tasks import task

from . import notifications


@task()
def send_invitation(*, invitation_id: int) -> None:
    notifications.send_invitation(invitation_id=invitation_id)


@task()
def send_claim_to_staff(*, claim_id: int) -> None:
    notifications.send_claim_to_staff(claim_id=claim_id)


@task()
def send_claim_decision(*, claim_id: int) -> None:
    notifications.send_claim_decision(claim_id=claim_id)


@task()
def send_public_body_to_staff(*, organisation_id: int) -> None:
    notifications.send_public_body_to_staff(organisation_id=organisation_id)


@task()
def send_membership_change(*, event_id: int) -> None:
    notifications.send_membership_change(event_id=event_id)
