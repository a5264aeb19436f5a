from __future__ import annotations

from typing import Self, TypeVar

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from .limits import SHORT_TEXT, limited

_M = TypeVar("_M", bound=models.Model)

# The status a model's rows are public in when the model names no `PUBLIC_STATUSES` of its own.
DEFAULT_PUBLIC_STATUSES: tuple[str, ...] = ("published",)


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Source(TimeStampedModel):
    """Where a fact comes from: every figure, threshold or claim we show points at one."""

    key = models.SlugField(_("key"), max_length=100, unique=True, help_text=_("Stable identifier used by data files."))
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    url = models.URLField(_("address"), max_length=500, blank=True)
    licence = models.CharField(_("licence"), max_length=200, blank=True)
    retrieved_on = models.DateField(_("retrieved on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True, **limited(SHORT_TEXT))

    class Meta:
        ordering = ["title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self) -> str:
        return self.title


def _public_statuses(model: type[models.Model]) -> tuple[str, ...]:
    return tuple(getattr(model, "PUBLIC_STATUSES", DEFAULT_PUBLIC_STATUSES))


def _records_publication(model: type[models.Model]) -> bool:
    try:
        model._meta.get_field("published_at")
    except FieldDoesNotExist:
        return False
    return True


def published_filter(model: type[models.Model]) -> models.Q:
    """The one rule for what the public may see of a model with a publication state: its `status` is one of
    the model's `PUBLIC_STATUSES` («published» unless it says otherwise) and, where the model records when it
    was published, that moment is set. Search, lists, detail pages, feeds and the API all ask this rule."""
    rule = models.Q(status__in=_public_statuses(model))
    if _records_publication(model):
        rule &= models.Q(published_at__isnull=False)
    return rule


def is_published(obj: models.Model) -> bool:
    """The same rule for one object already loaded, so a page can decide without asking the database."""
    model = type(obj)
    if getattr(obj, "status", None) not in _public_statuses(model):
        return False
    return not _records_publication(model) or getattr(obj, "published_at", None) is not None


def published(queryset: QuerySet[_M]) -> QuerySet[_M]:
    """The rule applied to any queryset, for models whose manager is not a `PublishableQuerySet`."""
    return queryset.filter(published_filter(queryset.model))


class PublishableQuerySet(QuerySet[_M]):
    """The manager of every model with a publication state: `Model.objects.published()`."""

    def published(self) -> Self:
        return self.filter(published_filter(self.model))


class StaffAction(models.Model):
    """One thing platform staff did, in the admin or on the site: the audit log staff read. Rows are never
    edited; the actor's name is kept as text so the row still says who it was after the account is deleted."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("staff member")
    )
    actor_label = models.CharField(_("staff member"), max_length=254)
    action = models.CharField(_("action"), max_length=60)
    target_label = models.CharField(_("what"), max_length=300)
    target_url = models.CharField(_("address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("staff action")
        verbose_name_plural = _("staff actions")

    def __str__(self) -> str:
        return f"{self.actor_label}: {self.action} {self.target_label}"
