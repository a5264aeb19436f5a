from django.contrib import admin

from .models import Challenge, ChallengeEvent, Question


class ChallengeEventInline(admin.TabularInline[ChallengeEvent, Challenge]):
    model = ChallengeEvent
    extra = 0
    readonly_fields = ["from_status", "to_status", "actor", "note", "created_at"]


@admin.register(Challenge)
class ChallengeAdmin(admin.ModelAdmin[Challenge]):
    """Pitches are deliberately not registered: only the two parties of a pitch may read it."""

    list_display = ["title", "owner", "status", "intent", "deadline"]
    list_filter = ["status", "intent"]
    search_fields = ["title", "ref"]
    raw_id_fields = ["owner", "municipality", "contact_point", "created_by"]
    inlines = [ChallengeEventInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin[Question]):
    list_display = ["text", "challenge", "answered_at"]
    exclude = ["asked_by"]
