"""E-mails about organisations, each in its recipient's language. Called after the transaction commits."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from samvei.accounts.models import User

from .models import Claim, Invitation


def _language_of(email: str) -> str:
    user = User.objects.filter(email__iexact=email).only("preferred_language").first()
    return user.preferred_language if user else settings.LANGUAGE_CODE


def _send(*, template: str, recipients: list[str], language: str, context: dict[str, object]) -> None:
    with translation.override(language):
        context = {**context, "site_url": settings.SAMVEI_SITE_URL}
        subject = render_to_string(f"organisations/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"organisations/email/{template}_body.txt", context)
    send_mail(subject, body, None, recipients)


def send_invitation(*, invitation_id: int) -> None:
    invitation = Invitation.objects.select_related("organisation", "invited_by").get(pk=invitation_id)
    language = _language_of(invitation.email)
    with translation.override(language):
        path = reverse("organisations:invitation-accept", kwargs={"token": invitation.token})
    _send(
        template="invitation",
        recipients=[invitation.email],
        language=language,
        context={"invitation": invitation, "accept_url": settings.SAMVEI_SITE_URL + path},
    )


def send_claim_to_staff(*, claim_id: int) -> None:
    claim = Claim.objects.select_related("organisation", "user").get(pk=claim_id)
    staff = list(User.objects.filter(is_staff=True, is_active=True).values_list("email", flat=True))
    if staff:
        _send(
            template="claim_to_staff",
            recipients=staff,
            language=settings.LANGUAGE_CODE,
            context={"claim": claim, "review_url": settings.SAMVEI_SITE_URL + reverse("organisations:claims")},
        )


def send_claim_decision(*, claim_id: int) -> None:
    claim = Claim.objects.select_related("organisation", "user").get(pk=claim_id)
    language = claim.user.preferred_language
    with translation.override(language):
        path = claim.organisation.get_absolute_url()
    _send(
        template="claim_decision",
        recipients=[claim.user.email],
        language=language,
        context={"claim": claim, "organisation_url": settings.SAMVEI_SITE_URL + path},
    )
