from __future__ import annotations

from typing import Any

from samvei.accounts.models import User

from .models import Message, Pitch, Question, SavedSearch


def export_for(user: User) -> dict[str, Any]:
    """Questions the user asked, pitches and messages they wrote, and their saved searches."""
    return {
        "questions": [
            {"challenge": q.challenge.title, "question": q.text, "asked": q.created_at.isoformat()}
            for q in Question.objects.filter(asked_by=user).select_related("challenge")
        ],
        "pitches_written": [
            {"title": p.title, "to": p.receiver.name, "sent": p.created_at.isoformat()}
            for p in Pitch.objects.filter(created_by=user).select_related("receiver")
        ],
        "messages_written": [
            {"pitch": m.pitch.title, "body": m.body, "sent": m.created_at.isoformat()}
            for m in Message.objects.filter(author=user).select_related("pitch")
        ],
        "saved_searches": [{"name": s.name, "filters": s.query} for s in SavedSearch.objects.filter(user=user)],
    }
