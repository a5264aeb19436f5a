from __future__ import annotations

import datetime
import difflib
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from samvei.organisations.models import Organisation

from .models import (
    BlogPost,
    Case,
    ChecklistTick,
    Comment,
    FundingFollow,
    FundingScheme,
    Myth,
    Recipe,
    Revision,
)


def recipes_published() -> QuerySet[Recipe]:
    return Recipe.objects.published()


def recipe_get(*, slug: str) -> Recipe:
    return (
        Recipe.objects.published()
        .prefetch_related("steps__checklist", "cases", "funding_schemes", "sources")
        .get(slug=slug)
    )


def myths_published() -> QuerySet[Myth]:
    return Myth.objects.published().select_related("source")


def case_get(*, slug: str) -> Case:
    """Raises Case.DoesNotExist, also for a draft."""
    return (
        Case.objects.published()
        .select_related("enterprise")
        .prefetch_related("effects", "sources", "municipalities")
        .get(slug=slug)
    )


def funding_get(*, slug: str) -> FundingScheme:
    """Raises FundingScheme.DoesNotExist, also for a draft."""
    return FundingScheme.objects.published().select_related("source").prefetch_related("claim_sources").get(slug=slug)


def funding_renamed_to(*, slug: str) -> FundingScheme | None:
    """The published scheme that used to live at `slug`, so an old link can be sent on. Former slugs are a JSON
    list, read in Python so that SQLite and PostgreSQL agree; there are tens of schemes, not thousands."""
    return next((s for s in FundingScheme.objects.published() if slug in s.former_slug_list), None)


def funding_with_slugs(*, slugs: list[str]) -> list[FundingScheme]:
    """The schemes with these slugs, also when a slug is one a scheme had before it was renamed."""
    wanted = set(slugs)
    return [s for s in FundingScheme.objects.all() if s.slug in wanted or wanted & set(s.former_slug_list)]


def post_get(*, slug: str) -> BlogPost:
    """Raises BlogPost.DoesNotExist, also for a draft or a post without a publication time."""
    return BlogPost.objects.published().get(slug=slug)


def cases_published(*, welfare_area: str | None = None, q: str = "") -> QuerySet[Case]:
    cases = Case.objects.published()
    if welfare_area:
        cases = cases.filter(welfare_areas__code=welfare_area)
    for word in q.split():
        cases = cases.filter(
            Q(title_nb__icontains=word) | Q(summary_nb__icontains=word) | Q(organisations__icontains=word)
        )
    return cases.distinct().select_related("enterprise").prefetch_related("effects", "sources")


def funding_published(
    *, applicant_kind: str | None = None, welfare_area: str | None = None, q: str = ""
) -> list[FundingScheme]:
    schemes = FundingScheme.objects.published()
    if welfare_area:
        schemes = schemes.filter(Q(welfare_areas__code=welfare_area) | Q(welfare_areas__isnull=True))
    for word in q.split():
        schemes = schemes.filter(
            Q(name__icontains=word) | Q(funder__icontains=word) | Q(description_nb__icontains=word)
        )
    found = list(schemes.distinct().select_related("source").prefetch_related("claim_sources"))
    # Applicant kinds are a JSON list; filtering in Python keeps SQLite and PostgreSQL alike.
    return [s for s in found if not applicant_kind or applicant_kind in s.applicant_kind_list]


def posts_published(*, tag: str | None = None) -> list[BlogPost]:
    posts = list(BlogPost.objects.published())
    return [post for post in posts if not tag or tag in post.tag_list]


def approved_comments(*, post: BlogPost) -> QuerySet[Comment]:
    return post.comments.filter(status=Comment.Status.APPROVED).select_related("author")


def moderation_queue() -> QuerySet[Comment]:
    return Comment.objects.filter(status=Comment.Status.PENDING).select_related("post")


def ticked_item_ids(*, recipe: Recipe, organisation: Organisation) -> set[int]:
    return set(
        ChecklistTick.objects.filter(organisation=organisation, item__step__recipe=recipe).values_list(
            "item_id", flat=True
        )
    )


@dataclass(frozen=True)
class RevisionChange:
    revision: Revision
    diff: list[str]


def revision_history(*, content_type: str, object_id: int) -> list[RevisionChange]:
    """Each revision with a line diff against the one before it, newest first."""
    revisions = list(Revision.objects.filter(content_type=content_type, object_id=object_id).select_related("author"))
    changes = []
    for index, revision in enumerate(revisions):
        previous = revisions[index + 1].data if index + 1 < len(revisions) else {}
        lines = []
        for field in sorted(set(revision.data) | set(previous)):
            before, after = str(previous.get(field, "")), str(revision.data.get(field, ""))
            if before != after:
                lines += list(
                    difflib.unified_diff(
                        before.splitlines(), after.splitlines(), f"{field}", f"{field}", lineterm="", n=1
                    )
                )
        changes.append(RevisionChange(revision=revision, diff=lines))
    return changes


REMIND_DAYS_BEFORE = 14


def funding_reminders_due(*, today: datetime.date | None = None) -> list[FundingFollow]:
    today = today or timezone.localdate()
    return list(
        FundingFollow.objects.select_related("scheme", "organisation")
        .filter(
            scheme__takes_applications=True,
            scheme__next_deadline__gte=today,
            scheme__next_deadline__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE),
        )
        .exclude(reminded_for=F("scheme__next_deadline"))
    )
