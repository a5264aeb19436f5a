"""Agreement templates are dated, versioned data with a source, so a draft always says which wording it came from
and a change of wording is a new version, not an edit in code. Each generated draft is kept as an event row."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samvei.collaborations.models import Collaboration
from samvei.core.limits import SHORT_TEXT, TITLE, limited
from samvei.core.models import Source

GENERIC = "generic"
CLAUSE_TEXT = 4000
MAX_CLAUSES = 40


def validate_clauses(value: Any) -> None:
    """A list of {heading, text} objects with text in both; staff edit it as JSON in the admin."""
    if not isinstance(value, list) or not value:
        raise ValidationError(_("The clauses must be a non-empty list."), code="clauses")
    if len(value) > MAX_CLAUSES:
        raise ValidationError(_("A template can have at most %(limit)d clauses."), params={"limit": MAX_CLAUSES})
    for number, clause in enumerate(value, start=1):
        if (
            not isinstance(clause, dict)
            or set(clause) != {"heading", "text"}
            or not all(isinstance(clause[name], str) and clause[name].strip() for name in ("heading", "text"))
        ):
            raise ValidationError(
                _("Clause %(number)d must have a heading and a text, and nothing else."),
                params={"number": number},
                code="clause",
            )
        if len(clause["heading"]) > TITLE or len(clause["text"]) > CLAUSE_TEXT:
            raise ValidationError(_("Clause %(number)d is too long."), params={"number": number}, code="clause")


class AgreementTemplate(models.Model):
    """The wording of a draft agreement for one collaboration form, in force for a period."""

    key = models.SlugField(_("key"), max_length=100, help_text=_("Stable identifier used by the data file."))
    route_key = models.SlugField(
        _("collaboration form"),
        max_length=100,
        help_text=_("The key of the collaboration form (procurement route), or «generic» for the fallback."),
    )
    version = models.PositiveIntegerField(_("version"))
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(
        _("in force until"), null=True, blank=True, help_text=_("The first day it no longer applies.")
    )
    title_nb = models.CharField(_("title (bokmål)"), max_length=TITLE)
    clauses = models.JSONField(
        _("clauses"),
        validators=[validate_clauses],
        help_text=_(
            'A list of {"heading": …, "text": …} in bokmål. The text may use {public_body}, {partner}, '
            "{title}, {form}, {pilot_ends_on}, {milestones}, {public_body_org_number} and {partner_org_number}."
        ),
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+", verbose_name=_("source"))
    source_date = models.DateField(_("date the source speaks of"))
    verified_on = models.DateField(_("last checked against the source"))
    note_nb = models.TextField(_("note (bokmål)"), blank=True, **limited(SHORT_TEXT))

    class Meta:
        ordering = ["route_key", "-version"]
        verbose_name = _("agreement template")
        verbose_name_plural = _("agreement templates")
        constraints = [
            models.UniqueConstraint(fields=["key", "version"], name="agreement_template_key_version_unique"),
            models.CheckConstraint(
                condition=Q(effective_to__isnull=True) | Q(effective_from__lt=models.F("effective_to")),
                name="agreement_template_period_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title_nb} (versjon {self.version})"

    def applies_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day < self.effective_to)


class AgreementDraftEvent(models.Model):
    """One generated draft: who made which file from which template version, kept as a row."""

    class Format(models.TextChoices):
        DOCX = "docx", "DOCX"
        PDF = "pdf", "PDF"

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="agreement_drafts")
    template = models.ForeignKey(AgreementTemplate, on_delete=models.SET_NULL, null=True, related_name="draft_events")
    template_key = models.SlugField(max_length=100)
    version = models.PositiveIntegerField()
    format = models.CharField(max_length=10, choices=Format.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.collaboration_id}: {self.template_key} v{self.version} ({self.format})"
