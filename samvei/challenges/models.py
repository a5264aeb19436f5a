from __future__ import annotations

from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samvei.core.limits import LONG_TEXT, SHORT_TEXT, TITLE, limited
from samvei.core.models import PublishableQuerySet, TimeStampedModel, is_published
from samvei.geography.models import Municipality
from samvei.organisations.models import ContactPoint, Organisation
from samvei.procurement.models import Route
from samvei.taxonomy.models import TargetGroup, WelfareArea


class Challenge(TimeStampedModel):
    """A need a public body publishes, inviting social entrepreneurs to propose how to meet it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Open for pitches")
        IN_DIALOGUE = "in_dialogue", _("In dialogue")
        PARTNER_CHOSEN = "partner_chosen", _("Partner chosen")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Intent(models.TextChoices):
        """What answering leads to, said before anyone answers: a market exploration promises nobody a contract."""

        EXPLORATION = "exploration", _("Market exploration – not a tender")
        PILOT = "pilot", _("Invitation to a pilot")
        PROCUREMENT = "procurement", _("Planned procurement")
        GRANT = "grant", _("Grant call")

    # Which status may follow which: the workflow of the issue, as data the services consult.
    TRANSITIONS: dict[str, tuple[str, ...]] = {
        Status.DRAFT: (Status.PUBLISHED, Status.WITHDRAWN),
        Status.PUBLISHED: (Status.IN_DIALOGUE, Status.PARTNER_CHOSEN, Status.CLOSED, Status.WITHDRAWN),
        Status.IN_DIALOGUE: (Status.PARTNER_CHOSEN, Status.CLOSED, Status.WITHDRAWN),
        Status.PARTNER_CHOSEN: (Status.CLOSED,),
        Status.CLOSED: (),
        Status.WITHDRAWN: (),
    }
    PUBLIC_STATUSES = (Status.PUBLISHED, Status.IN_DIALOGUE, Status.PARTNER_CHOSEN, Status.CLOSED)
    OPEN_FOR_PITCHES = (Status.PUBLISHED, Status.IN_DIALOGUE)
    # What the owning body writes, in the order its form asks: one list for the form, the services and imports.
    EDITABLE_FIELDS = ("title", "description", "intent", "affected", "tried", "desired_outcomes", "welfare_areas",
                       "target_groups", "offer", "open_forms", "funding_min_nok", "funding_max_nok", "timeline",
                       "deadline", "contact_point")  # fmt: skip
    EDITABLE_RELATIONS = ("welfare_areas", "target_groups", "open_forms")

    owner = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="challenges", verbose_name=_("public body")
    )
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="challenges",
        verbose_name=_("municipality"),
    )
    ref = models.CharField(_("external reference"), max_length=100, unique=True, null=True, blank=True)
    title = models.CharField(_("title"), max_length=TITLE)
    description = models.TextField(_("the problem"), **limited(LONG_TEXT))
    affected = models.TextField(_("who is affected"), blank=True, **limited(LONG_TEXT))
    tried = models.TextField(_("what has been tried"), blank=True, **limited(LONG_TEXT))
    desired_outcomes = models.TextField(_("desired outcomes"), blank=True, **limited(LONG_TEXT))
    offer = models.TextField(
        _("what we offer"),
        blank=True,
        help_text=_("Premises, data, staff time, pilot funding and the like."),
        **limited(LONG_TEXT),
    )
    funding_min_nok = models.PositiveIntegerField(_("pilot funding from (NOK)"), null=True, blank=True)
    funding_max_nok = models.PositiveIntegerField(_("pilot funding up to (NOK)"), null=True, blank=True)
    timeline = models.TextField(_("timeline"), blank=True, **limited(SHORT_TEXT))
    deadline = models.DateField(_("deadline for pitches"), null=True, blank=True)
    contact_point = models.ForeignKey(
        ContactPoint, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("contact")
    )
    welfare_areas = models.ManyToManyField(WelfareArea, blank=True, verbose_name=_("welfare areas"))
    target_groups = models.ManyToManyField(TargetGroup, blank=True, verbose_name=_("target groups"))
    intent = models.CharField(
        _("what the challenge is"),
        max_length=20,
        choices=Intent.choices,
        blank=True,
        help_text=_("Empty only in a draft: a challenge is published with its intent stated."),
    )
    open_forms = models.ManyToManyField(
        Route,
        blank=True,
        limit_choices_to={"kind": Route.Kind.FORM},
        related_name="challenges",
        verbose_name=_("open to these collaboration forms"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    is_example = models.BooleanField(_("example"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    search_text = models.TextField(editable=False, default="")

    objects = PublishableQuerySet["Challenge"].as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("challenge")
        verbose_name_plural = _("challenges")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(funding_min_nok__isnull=True)
                | models.Q(funding_max_nok__isnull=True)
                | models.Q(funding_min_nok__lte=models.F("funding_max_nok")),
                name="challenges_funding_range_ordered",
            ),
        ]
        indexes = [models.Index(fields=["status", "deadline"], name="challenges_status_deadline_idx")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args: object, **kwargs: object) -> None:
        self.search_text = " ".join([self.title, self.description, self.affected, self.desired_outcomes]).casefold()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "search_text"}  # type: ignore[misc]
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def get_absolute_url(self) -> str:
        return reverse("challenges:detail", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return is_published(self)

    @property
    def deadline_passed(self) -> bool:
        return self.deadline is not None and self.deadline < timezone.localdate()

    @property
    def accepts_pitches(self) -> bool:
        return self.status in self.OPEN_FOR_PITCHES and not self.deadline_passed


class ChallengeEvent(models.Model):
    """Every change of a challenge's status, with who and when."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=Challenge.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Challenge.Status.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("challenge event")
        verbose_name_plural = _("challenge events")

    def __str__(self) -> str:
        return f"{self.challenge}: {self.from_status} → {self.to_status}"


def attachment_path(instance: Attachment, filename: str) -> str:
    """Stored under a random name in a folder that is never served directly; views check access first."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"private/{instance._meta.model_name}/{timezone.now():%Y/%m}/{instance.token}{suffix}"


class Attachment(TimeStampedModel):
    token = models.CharField(max_length=43, unique=True, editable=False)
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")

    class Meta:
        abstract = True
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.original_name


class ChallengeAttachment(Attachment):
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="attachments")

    def get_absolute_url(self) -> str:
        return reverse("challenges:attachment", kwargs={"token": self.token})


class Question(TimeStampedModel):
    """Asked by anyone signed in, answered publicly: what one supplier is told, all are told."""

    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"), **limited(SHORT_TEXT))
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    answer = models.TextField(_("answer"), blank=True, **limited(LONG_TEXT))
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]


# A pitch delivered this long after it was sent waited for someone to join the receiving body.
DELIVERED_LATE_AFTER = timedelta(minutes=5)


class Pitch(TimeStampedModel):
    """An entrepreneur's answer to a challenge, or an unsolicited idea to a public body. Only the two parties
    ever see it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Sent")
        RECEIVED = "received", _("Received")
        IN_DIALOGUE = "in_dialogue", _("In dialogue")
        DECLINED = "declined", _("Declined")
        SELECTED = "selected", _("Selected")

    DECIDED = (Status.DECLINED, Status.SELECTED)

    sender = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="pitches_sent")
    receiver = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="pitches_received")
    challenge = models.ForeignKey(Challenge, on_delete=models.CASCADE, null=True, blank=True, related_name="pitches")
    contact_point = models.ForeignKey(
        ContactPoint, on_delete=models.SET_NULL, null=True, blank=True, related_name="pitches"
    )
    title = models.CharField(_("title"), max_length=TITLE)
    summary = models.TextField(_("summary"), **limited(SHORT_TEXT))
    approach = models.TextField(_("how we would do it"), blank=True, **limited(LONG_TEXT))
    expected_effects = models.TextField(_("expected effects"), blank=True, **limited(SHORT_TEXT))
    cost_estimate = models.TextField(_("cost estimate"), blank=True, **limited(SHORT_TEXT))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    decline_reason = models.TextField(_("reason for declining"), blank=True, **limited(SHORT_TEXT))
    delivered_at = models.DateTimeField(
        _("delivered"),
        null=True,
        blank=True,
        help_text=_("Empty while nobody can receive it: it is delivered the day someone from the receiver joins."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pitch")
        verbose_name_plural = _("pitches")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("challenges:pitch-detail", kwargs={"pk": self.pk})

    @property
    def is_waiting(self) -> bool:
        """Sent, but nobody at the receiver can read it yet."""
        return self.delivered_at is None

    @property
    def waited(self) -> bool:
        """Delivered later than it was sent, because nobody could receive it at first."""
        return self.delivered_at is not None and self.delivered_at - self.created_at > DELIVERED_LATE_AFTER


class PitchEvent(models.Model):
    class Note(models.TextChoices):
        WAITING = "waiting", _("Nobody could receive it yet")
        DELIVERED = "delivered", _("Delivered")

    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=20, choices=Pitch.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Pitch.Status.choices)
    note = models.CharField(max_length=20, choices=Note.choices, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.pitch}: {self.from_status} → {self.to_status}"


class PitchAttachment(Attachment):
    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="attachments")

    def get_absolute_url(self) -> str:
        return reverse("challenges:pitch-attachment", kwargs={"token": self.token})


class Message(models.Model):
    """One message in the thread between the two parties of a pitch."""

    pitch = models.ForeignKey(Pitch, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("message"), **limited(LONG_TEXT))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:80]


class SavedSearch(TimeStampedModel):
    """A user's challenge filter; new challenges that match are e-mailed to them."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("name"), max_length=100)
    query = models.JSONField(_("filters"), default=dict)

    class Meta:
        ordering = ["name"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name
