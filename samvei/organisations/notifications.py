"""E-mails about organisations, each in its recipient's language. Run as background tasks (see tasks.py)."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from samvei.accounts.models import User
from samvei.core.mail import absolute, send_templated_email

from .models import Claim, Invitation, Membership


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


def send_claim_decision(*, claim_id: int) -> None:
    claim = Claim.objects.select_related("organisation", "user").get(pk=claim_id)
    with translation.override(claim.user.preferred_language):
        path = claim.organisation.get_absolute_url()
    send_templated_email(
        template="organisations/email/claim_decision",
        recipients=[(claim.user.email, claim.user.preferred_language)],
        context={"claim": claim, "organisation_url": absolute(path)},
    )
