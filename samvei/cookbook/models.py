"""The cookbook: recipes with checklists, procurement myths, real cases, funding schemes and the blog.
Editorial text exists in bokmål (`_nb`) and English (`_en`); pages show English where it is written."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samvei.core.freshness import Kind as FactKind
from samvei.core.freshness import is_possibly_outdated
from samvei.core.limits import SHORT_TEXT, limited
from samvei.core.models import PublishableQuerySet, Source, TimeStampedModel
from samvei.geography.models import Municipality
from samvei.organisations.models import Organisation, alias_lines
from samvei.taxonomy.models import WelfareArea

TAG_MAX_LENGTH = 50


def validate_tags(value: Any) -> None:
    """Tags are a JSON list of short words; anything else (a string, an object, numbers) is refused."""
    if not isinstance(value, list) or not all(
        isinstance(tag, str) and tag.strip() and len(tag) <= TAG_MAX_LENGTH for tag in value
    ):
        raise ValidationError(
            _(
                'Tags must be a list of words in quotes, such as ["samarbeid", "anskaffelser"]. '
                "Each word can be at most %(limit)d characters."
            ),
            code="tags",
            params={"limit": TAG_MAX_LENGTH},
        )


def words_of(value: Any) -> list[str]:
    """The strings of a stored JSON list; a value saved past validation (not a list) reads as none."""
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


class Publishable(TimeStampedModel):
    """Editorial content: a draft until an editor publishes it; `objects.published()` is what the public sees."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    PUBLIC_STATUSES = (Status.PUBLISHED,)

    slug = models.SlugField(_("address name"), max_length=120, unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True


class Case(Publishable):
    """A real collaboration, told with its sources: what was done, with what effect, and what others can learn."""

    title_nb = models.CharField(_("title (bokmål)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    aliases = models.TextField(
        _("also known as"),
        blank=True,
        help_text=_("Other names the case is known by, such as its name in the 2017 booklet. One name per line."),
    )
    summary_nb = models.TextField(_("summary (bokmål)"))
    summary_en = models.TextField(_("summary (English)"), blank=True)
    organisations = models.CharField(_("organisations involved"), max_length=500)
    enterprise = models.ForeignKey(Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="cases")
    municipalities = models.ManyToManyField(Municipality, blank=True, verbose_name=_("municipalities"))
    welfare_areas = models.ManyToManyField(WelfareArea, blank=True, verbose_name=_("welfare areas"))
    collaboration_form_nb = models.CharField(_("collaboration form (bokmål)"), max_length=200)
    collaboration_form_en = models.CharField(_("collaboration form (English)"), max_length=200, blank=True)
    funding_nb = models.TextField(_("funding (bokmål)"), blank=True)
    funding_en = models.TextField(_("funding (English)"), blank=True)
    period = models.CharField(_("period"), max_length=50, blank=True)
    lessons_nb = models.TextField(_("lessons (bokmål)"), blank=True)
    lessons_en = models.TextField(_("lessons (English)"), blank=True)
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))

    class Meta:
        ordering = ["title_nb"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")

    def __str__(self) -> str:
        return self.title_nb

    def get_absolute_url(self) -> str:
        return reverse("cookbook:case-detail", kwargs={"slug": self.slug})

    @property
    def alias_list(self) -> list[str]:
        return alias_lines(self.aliases)


class CaseEffect(models.Model):
    """One documented effect of a case, with who stands behind the figure: a council weighs a figure the
    enterprise reports about itself differently from an independent evaluation (SROI principle 5, «do not
    over-claim»)."""

    class Evidence(models.TextChoices):
        INDEPENDENT = "independent", _("Independent evaluation")
        SELF_REPORTED = "self_reported", _("Self-reported by the enterprise")
        RETOLD = "retold", _("Retold by others, not measured")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="effects")
    text_nb = models.TextField(_("effect (bokmål)"))
    text_en = models.TextField(_("effect (English)"), blank=True)
    figure = models.CharField(_("figure"), max_length=100, blank=True)
    evidence = models.CharField(
        _("who stands behind it"), max_length=20, choices=Evidence.choices, default=Evidence.SELF_REPORTED
    )
    source_url = models.URLField(_("source"), max_length=500)
    source_title = models.CharField(_("source title"), max_length=300, blank=True)
    source_date = models.DateField(
        _("date the source speaks of"), null=True, blank=True, help_text=_("Empty when the source gives no date.")
    )
    checked_on = models.DateField(_("last checked against the source"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.text_nb[:80]

    @property
    def possibly_outdated(self) -> bool:
        return is_possibly_outdated(kind=FactKind.CASE_EFFECT, checked_on=self.checked_on, today=timezone.localdate())


class Recipe(Publishable):
    class Audience(models.TextChoices):
        PUBLIC_BODY = "public_body", _("For public bodies")
        ENTREPRENEUR = "entrepreneur", _("For social entrepreneurs")

    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices)
    title_nb = models.CharField(_("title (bokmål)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_nb = models.TextField(_("summary (bokmål)"))
    summary_en = models.TextField(_("summary (English)"), blank=True)
    intro_nb = models.TextField(_("introduction (bokmål, Markdown)"), blank=True)
    intro_en = models.TextField(_("introduction (English, Markdown)"), blank=True)
    welfare_areas = models.ManyToManyField(WelfareArea, blank=True, verbose_name=_("welfare areas"))
    cases = models.ManyToManyField(Case, blank=True, related_name="recipes", verbose_name=_("cases"))
    funding_schemes = models.ManyToManyField(
        "cookbook.FundingScheme", blank=True, related_name="recipes", verbose_name=_("funding schemes")
    )
    sources = models.ManyToManyField(Source, blank=True, verbose_name=_("sources"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["audience", "position", "title_nb"]
        verbose_name = _("recipe")
        verbose_name_plural = _("recipes")

    def __str__(self) -> str:
        return self.title_nb

    def get_absolute_url(self) -> str:
        return reverse("cookbook:recipe-detail", kwargs={"slug": self.slug})


class RecipeStep(models.Model):
    recipe = models.ForeignKey(Recipe, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    title_nb = models.CharField(_("title (bokmål)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_nb = models.TextField(_("text (bokmål, Markdown)"))
    body_en = models.TextField(_("text (English, Markdown)"), blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["recipe", "position"], name="cookbook_step_position")]

    def __str__(self) -> str:
        return self.title_nb


class ChecklistItem(models.Model):
    step = models.ForeignKey(RecipeStep, on_delete=models.CASCADE, related_name="checklist")
    position = models.PositiveSmallIntegerField()
    text_nb = models.CharField(_("text (bokmål)"), max_length=300)
    text_en = models.CharField(_("text (English)"), max_length=300, blank=True)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.text_nb


class ChecklistTick(models.Model):
    """An organisation has done this item; kept so the organisation can see where it is in the recipe."""

    item = models.ForeignKey(ChecklistItem, on_delete=models.CASCADE, related_name="ticks")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="checklist_ticks")
    ticked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    ticked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "organisation"], name="cookbook_tick_once")]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.item}"


class Myth(Publishable):
    claim_nb = models.CharField(_("myth (bokmål)"), max_length=300)
    claim_en = models.CharField(_("myth (English)"), max_length=300, blank=True)
    fact_nb = models.TextField(_("fact (bokmål)"))
    fact_en = models.TextField(_("fact (English)"), blank=True)
    legal_source = models.CharField(_("legal source"), max_length=200)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, verbose_name=_("source"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("myth")
        verbose_name_plural = _("myths")

    def __str__(self) -> str:
        return self.claim_nb


class BlogPost(Publishable):
    title_nb = models.CharField(_("title (bokmål)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    body_nb = models.TextField(_("text (bokmål, Markdown)"))
    body_en = models.TextField(_("text (English, Markdown)"), blank=True)
    tags = models.JSONField(_("tags"), default=list, validators=[validate_tags])
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")

    def __str__(self) -> str:
        return self.title_nb

    def get_absolute_url(self) -> str:
        return reverse("cookbook:post-detail", kwargs={"slug": self.slug})

    @property
    def tag_list(self) -> list[str]:
        """The tags to show and filter by; never fails on a value stored past validation."""
        return words_of(self.tags)


class Comment(TimeStampedModel):
    """Comments wait in the moderation queue; only approved ones are shown."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    post = models.ForeignKey(BlogPost, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"), **limited(SHORT_TEXT))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:80]

    @property
    def author_name(self) -> str:
        """Who wrote it, as the public may see it: the name the writer gave, never their e-mail address."""
        return public_name(self.author)


def public_name(user: Any) -> str:
    """A user's name for public pages. An address, or a name that is the address or its local part (people
    sometimes type it as their name), gives a neutral label instead."""
    if user is None:
        return str(_("Former user"))
    name = (user.name or "").strip()
    address = (user.email or "").casefold()
    if not name or "@" in name or name.casefold() in {address, address.partition("@")[0]}:
        return str(_("Reader"))
    return str(name)


class Revision(models.Model):
    """A snapshot of editorial content each time an editor saves it, so changes can be compared and traced."""

    content_type = models.CharField(max_length=50)
    object_id = models.PositiveIntegerField()
    data = models.JSONField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"], name="cookbook_revision_object_idx")]

    def __str__(self) -> str:
        return f"{self.content_type} {self.object_id} @ {self.created_at:%Y-%m-%d %H:%M}"


# Funding schemes live in their own module; importing them here keeps `cookbook.models` the one place Django and
# older migrations (0003 names `models.validate_applicant_kinds`) look for them.
from .funding_models import FundingFollow as FundingFollow  # noqa: E402
from .funding_models import FundingScheme as FundingScheme  # noqa: E402
from .funding_models import FundingSchemeSource as FundingSchemeSource  # noqa: E402
from .funding_models import validate_applicant_kinds as validate_applicant_kinds  # noqa: E402
