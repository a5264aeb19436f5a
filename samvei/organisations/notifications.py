"""E-mails about organisations, each in its recipient's language. Run as background tasks (see tasks.py)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from samvei.accounts.models import User
from samvei.core.mail import absolute, send_templated_email

from .models import Claim, Invitation, Membership, Organisation, OrganisationEvent


def language_of(email: str) -> str:
    user = User.objects.filter(email__iexact=email).only("preferred_language").first()
    return user.preferred_language if user else settings.LANGUAGE_CODE


def member_addresses(organisation_id: int) -> list[tuple[str, str]]:
    """(address, language) of everyone who acts for the organisation."""
    return list(
        Membership.objects.filter(organisation_id=organisation_id, user__is_active=True).values_list(
            "user__email", "user__preferred_language"
        )
    )


def staff_addresses() -> list[tuple[str, str]]:
    """(address, language) of every active member of the platform staff."""
    return list(User.objects.filter(is_staff=True, is_active=True).values_list("email", "preferred_language"))


def send_invitation(*, invitation_id: int) -> None:
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(pk=invitation_id)
    language = language_of(invitation.email)
    with translation.override(language):
        path = reverse("organisations:invitation-accept", kwargs={"token": invitation.token})
    send_templated_email(
        template="organisations/email/invitation",
        recipients=[(invitation.email, language)],
        context={"invitation": invitation, "accept_url": absolute(path)},
    )


def send_claim_to_staff(*, claim_id: int) -> None:
    claim = Claim.objects.select_related("organisation", "user").get(pk=claim_id)
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("organisations:claims")
    send_templated_email(
        template="organisations/email/claim_to_staff",
        recipients=staff_addresses(),
        context={"claim": claim, "review_url": absolute(path)},
    )


def send_public_body_to_staff(*, organisation_id: int) -> None:
    organisation = Organisation.objects.get(pk=organisation_id)
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("organisations:unverified")
    send_templated_email(
        template="organisations/email/public_body_to_staff",
        recipients=staff_addresses(),
        context={"organisation": organisation, "review_url": absolute(path)},
    )


def send_claim_decision(*, claim_id: int) -> None:
    claim = Claim.objects.select_related("organisation", "user").get(pk=claim_id)
    with translation.override(claim.user.preferred_language):
        path = claim.organisation.get_absolute_url()
    send_templated_email(
        template="organisations/email/claim_decision",
        recipients=[(claim.user.email, claim.user.preferred_language)],
        context={"claim": claim, "organisation_url": absolute(path)},
    )


def admin_addresses(organisation_id: int, *, leaving_out: set[str]) -> list[tuple[str, str]]:
    """(address, language) of the organisation's active admins, but for the addresses left out."""
    admins = Membership.objects.filter(
        organisation_id=organisation_id, role=Membership.Role.ADMIN, user__is_active=True
    ).values_list("user__email", "user__preferred_language")
    left_out = {address.casefold() for address in leaving_out}
    return [(address, language) for address, language in admins if address.casefold() not in left_out]


def send_membership_change(*, event_id: int) -> None:
    """Tells the admins about a change to the people who act for the organisation: who joined, left, was
    removed or changed role, and who asked to join. The person it is about and the one who did it know already."""
    event = OrganisationEvent.objects.select_related("organisation", "actor").get(pk=event_id)
    person = str(event.detail.get("email", ""))
    actor = event.actor.email if event.actor else ""
    recipients = admin_addresses(event.organisation_id, leaving_out={person, actor} - {""})
    role = event.detail.get("role")
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("organisations:members", kwargs={"slug": event.organisation.slug})
    send_templated_email(
        template="organisations/email/membership_change",
        recipients=recipients,
        context={
            "event": event,
            "organisation": event.organisation,
            "person": person,
            "actor": actor,
            "role": Membership.Role(role).label if role in Membership.Role.values else "",
            "automatic": event.detail.get("automatic") is True,
            "domain": event.detail.get("domain", ""),
            "members_url": absolute(path),
        },
    )
