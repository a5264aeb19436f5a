"""Every change in the cookbook goes through these functions."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.forms.models import model_to_dict
from django.utils import timezone
from django.utils.translation import gettext as _

from samvei.accounts.models import User
from samvei.core.audit import staff_action_record
from samvei.organisations.models import Organisation

from . import tasks
from .models import BlogPost, ChecklistItem, ChecklistTick, Comment, FundingFollow, FundingScheme, Recipe, Revision

COMMENT_LIMIT = 5
COMMENT_WINDOW = datetime.timedelta(minutes=10)


def _snapshot(obj: models.Model) -> dict[str, Any]:
    data = model_to_dict(obj)
    return {
        key: [str(getattr(item, "pk", item)) for item in value] if isinstance(value, list) else str(value)
        for key, value in data.items()
    }


@transaction.atomic
def content_save(*, obj: models.Model, editor: User, data: dict[str, Any]) -> models.Model:
    """Saves editorial content and records a revision of it: who changed what, and when."""
    relations = {
        name: value for name, value in data.items() if isinstance(obj._meta.get_field(name), models.ManyToManyField)
    }
    for name, value in data.items():
        if name not in relations:
            setattr(obj, name, value)
    obj.full_clean()
    if isinstance(obj, BlogPost) and obj.status == BlogPost.Status.PUBLISHED and obj.published_at is None:
        obj.published_at = timezone.now()
    obj.save()
    for name, value in relations.items():
        getattr(obj, name).set(value)
    Revision.objects.create(
        content_type=obj._meta.model_name or "", object_id=obj.pk, data=_snapshot(obj), author=editor
    )
    staff_action_record(actor=editor, action="content_saved", target=obj)
    return obj


@transaction.atomic
def checklist_save(*, recipe: Recipe, organisation: Organisation, user: User, done: set[int]) -> None:
    """The organisation's ticks on the recipe's checklist become `done` (ids of other recipes' items are
    ignored); ticks that stay keep who ticked them and when."""
    items = set(ChecklistItem.objects.filter(step__recipe=recipe).values_list("pk", flat=True))
    ChecklistTick.objects.filter(organisation=organisation, item_id__in=items - done).delete()
    ChecklistTick.objects.bulk_create(
        [ChecklistTick(item_id=pk, organisation=organisation, ticked_by=user) for pk in sorted(items & done)],
        ignore_conflicts=True,
    )


def funding_follow(*, scheme: FundingScheme, organisation: Organisation, user: User, follow: bool) -> None:
    """Following means deadline reminders, so a fund that takes no applications cannot be followed; stopping is
    always allowed, so a follow made before the fund was marked can still be removed."""
    if follow and not scheme.can_be_followed:
        raise ValidationError(
            _("%(name)s takes no applications, so there are no deadlines to follow.") % {"name": scheme.funder},
            code="no_applications",
        )
    if follow:
        FundingFollow.objects.get_or_create(scheme=scheme, organisation=organisation, defaults={"followed_by": user})
    else:
        FundingFollow.objects.filter(scheme=scheme, organisation=organisation).delete()


@transaction.atomic
def comment_submit(*, post: BlogPost, user: User, body: str) -> Comment:
    """Every comment waits for moderation; a user may write a handful per ten minutes.

    The limit counts the writer's stored comments, and the count and the insert happen while the writer's row is
    locked, so parallel submissions are counted one after another. The lock is taken by an UPDATE that changes
    nothing: on PostgreSQL it holds the row until the transaction ends, and on SQLite (where SELECT … FOR UPDATE
    does nothing) a write as the transaction's first statement makes the next writer wait instead of failing."""
    User.objects.filter(pk=user.pk).update(is_active=F("is_active"))
    recent = Comment.objects.filter(author=user, created_at__gte=timezone.now() - COMMENT_WINDOW).count()
    if recent >= COMMENT_LIMIT:
        raise ValidationError(
            _("You have written many comments in a short time. Please wait a few minutes."), code="rate"
        )
    comment = Comment(post=post, author=user, body=body.strip())
    comment.full_clean()
    comment.save()
    transaction.on_commit(lambda: tasks.notify_moderators.enqueue(comment_id=comment.pk))
    return comment


def comment_moderate(*, comment: Comment, moderator: User, approve: bool) -> Comment:
    comment.status = Comment.Status.APPROVED if approve else Comment.Status.REJECTED
    comment.moderated_by = moderator
    comment.save(update_fields=["status", "moderated_by", "updated_at"])
    staff_action_record(actor=moderator, action="comment_approved" if approve else "comment_rejected", target=comment)
    return comment
