from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samvei.challenges.models import Challenge, Pitch
from samvei.core.limits import TITLE
from samvei.core.models import TimeStampedModel
from samvei.organisations.models import Organisation


class Collaboration(TimeStampedModel):
    """A public body and a partner working together; started when the body selects a pitch."""

    class Stage(models.TextChoices):
        STARTED = "started", _("Started")
        AGREED = "agreed", _("Agreement in place")
        PILOT = "pilot", _("Pilot running")
        ENDED = "ended", _("Ended")

    public_body = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="collaborations_as_buyer")
    partner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="collaborations_as_partner")
    pitch = models.OneToOneField(Pitch, on_delete=models.SET_NULL, null=True, blank=True, related_name="collaboration")
    challenge = models.ForeignKey(
        Challenge, on_delete=models.SET_NULL, null=True, blank=True, related_name="collaborations"
    )
    title = models.CharField(_("title"), max_length=TITLE)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.STARTED)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("collaborations:detail", kwargs={"pk": self.pk})


class CollaborationEvent(models.Model):
    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.collaboration}: {self.kind}"
