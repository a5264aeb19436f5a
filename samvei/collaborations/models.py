from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from samvei.challenges.models import Attachment, Challenge, Pitch
from samvei.core.limits import TITLE
from samvei.core.models import TimeStampedModel
from samvei.organisations.models import Organisation
from samvei.procurement.models import Route


class Collaboration(TimeStampedModel):
    """A public body and a partner working together: started when the body selects a pitch, or by either party's
    member naming the other. The record follows it from idea to evaluation."""

    class Stage(models.TextChoices):
        IDEA = "idea", _("Idea")
        DIALOGUE = "dialogue", _("Dialogue")
        PILOT = "pilot", _("Pilot")
        AGREEMENT = "agreement", _("Agreement")
        OPERATION = "operation", _("Operation")
        EVALUATED = "evaluated", _("Evaluated")
        ENDED = "ended", _("Ended")

    class Category(models.TextChoices):
        """The kinds of purchase the thresholds distinguish (procurement.Threshold.Category without «any»)."""

        GOODS_SERVICES = "goods_services", _("goods and services")
        WORKS = "works", _("building and construction works")
        HEALTH_SOCIAL = "health_social", _("health, social and other special services")

    public_body = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="collaborations_as_buyer")
    partner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="collaborations_as_partner")
    pitch = models.OneToOneField(Pitch, on_delete=models.SET_NULL, null=True, blank=True, related_name="collaboration")
    challenge = models.ForeignKey(
        Challenge, on_delete=models.SET_NULL, null=True, blank=True, related_name="collaborations"
    )
    title = models.CharField(_("title"), max_length=TITLE)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.IDEA)
    form = models.ForeignKey(
        Route,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": "form"},
        related_name="collaborations",
        verbose_name=_("collaboration form"),
    )
    advice = models.JSONField(_("advice"), default=dict, blank=True)
    advice_date = models.DateField(_("date the advice speaks of"), null=True, blank=True)
    expected_value_nok = models.PositiveBigIntegerField(
        _("expected value of continuing (NOK excluding VAT)"), null=True, blank=True
    )
    category = models.CharField(_("kind of purchase"), max_length=20, choices=Category.choices, blank=True)
    pilot_ends_on = models.DateField(_("pilot ends on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(public_body=models.F("partner")), name="collaboration_has_two_parties"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("collaborations:detail", kwargs={"pk": self.pk})

    @property
    def party_ids(self) -> list[int]:
        return [self.public_body_id, self.partner_id]


def _day(value: Any) -> str:
    try:
        return date_format(date.fromisoformat(str(value)), "j. F Y")
    except ValueError:
        return str(value)


def _impact_sentences(data: dict[str, Any]) -> dict[str, Callable[[], str]]:
    """The effect measurement (samvei.impact) writes these to the same timeline."""
    name = {"name": data.get("name")}
    return {
        "stakeholder_added": lambda: gettext("Stakeholder added: %(name)s") % name,
        "stakeholder_removed": lambda: gettext("Stakeholder removed: %(name)s") % name,
        "logic_entry_added": lambda: gettext("The logic model got a new entry: %(name)s") % name,
        "logic_entry_removed": lambda: gettext("An entry was removed from the logic model: %(name)s") % name,
        "indicator_added": lambda: gettext("Indicator added: %(name)s") % name,
        "indicator_changed": lambda: gettext("Indicator changed: %(name)s") % name,
        "measurements_added": lambda: (
            ngettext(
                "%(count)d measurement added to %(name)s",
                "%(count)d measurements added to %(name)s",
                data.get("count", 0),
            )
            % {"count": data.get("count", 0), "name": data.get("name")}
        ),
        "sroi_saved": lambda: gettext("The SROI investment and discount rate were saved"),
        "sroi_outcome_added": lambda: gettext("SROI outcome added: %(name)s") % name,
        "sroi_outcome_changed": lambda: gettext("SROI outcome changed: %(name)s") % name,
        "sroi_outcome_removed": lambda: gettext("SROI outcome removed: %(name)s") % name,
        "report_link_created": lambda: gettext("A private report link was made for %(name)s") % name,
        "report_link_revoked": lambda: gettext("The private report link for %(name)s was revoked") % name,
    }


def _stage(value: Any) -> str:
    try:
        return str(Collaboration.Stage(value).label)
    except ValueError:
        return str(value)


class CollaborationEvent(models.Model):
    """One change to the record, kept as a row; `data` holds what the sentence names (ISO dates, keys)."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.collaboration}: {self.kind}"

    def describe(self) -> str:
        """The event as a sentence in the active language; an unknown kind shows as itself."""
        data = self.data or {}
        sentences = {
            "started": lambda: gettext("The collaboration started"),
            "stage_changed": lambda: (
                gettext("The stage changed from %(from)s to %(to)s")
                % {"from": _stage(data.get("from")), "to": _stage(data.get("to"))}
            ),
            "form_chosen": lambda: gettext("The collaboration form was set to %(form)s") % {"form": data.get("name")},
            "form_cleared": lambda: gettext("The chosen collaboration form was removed"),
            "pilot_end_set": lambda: gettext("The pilot's end was set to %(date)s") % {"date": _day(data.get("date"))},
            "pilot_end_cleared": lambda: gettext("The pilot's end date was removed"),
            "advice_recorded": lambda: gettext("Advice was recorded for %(date)s") % {"date": _day(data.get("date"))},
            "milestone_added": lambda: gettext("Milestone added: %(title)s") % {"title": data.get("title")},
            "milestone_done": lambda: gettext("Milestone done: %(title)s") % {"title": data.get("title")},
            "document_added": lambda: gettext("Document added: %(name)s") % {"name": data.get("name")},
            "pilot_end_reminder_sent": lambda: (
                gettext("Both parties were reminded by e-mail that the pilot ends %(date)s")
                % {"date": _day(data.get("date"))}
            ),
            **_impact_sentences(data),
        }
        sentence = sentences.get(self.kind)
        return sentence() if sentence else self.kind


class Milestone(models.Model):
    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("title"), max_length=TITLE)
    due_on = models.DateField(_("due on"))
    owner = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+", verbose_name=_("owner"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self) -> str:
        return self.title


class CollaborationDocument(Attachment):
    """A file the parties share; served only through a view that checks they are a party."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="documents")

    class Meta(Attachment.Meta):
        verbose_name = _("collaboration document")
        verbose_name_plural = _("collaboration documents")

    def get_absolute_url(self) -> str:
        return reverse("collaborations:document", kwargs={"token": self.token})
