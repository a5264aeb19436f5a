from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import manage, pitches, public, saved_searches

app_name = "challenges"
urlpatterns = [
    path("", public.challenge_list_view, name="list"),
    path("feed/", public.ChallengeFeed(), name="feed"),
    path(_("new/"), manage.challenge_create_view, name="create"),
    path("<int:pk>/", public.challenge_detail, name="detail"),
    path(_("<int:pk>/edit/"), manage.challenge_edit, name="edit"),
    path(_("<int:pk>/status/"), manage.challenge_transition_view, name="transition"),
    path(_("<int:pk>/questions/"), pitches.question_ask_view, name="question-ask"),
    path(_("questions/<int:pk>/answer/"), manage.question_answer_view, name="question-answer"),
    path(_("<int:pk>/pitch/"), pitches.pitch_create, name="pitch-create"),
    path(_("files/<str:token>/"), pitches.challenge_attachment, name="attachment"),
    path(_("idea/<slug:slug>/"), pitches.idea_create, name="idea-create"),
    path(_("pitches/"), pitches.pitch_inbox, name="pitch-inbox"),
    path(_("pitches/waiting/"), pitches.waiting_pitch_list, name="waiting-pitches"),
    path(_("pitches/<int:pk>/"), pitches.pitch_detail, name="pitch-detail"),
    path(_("pitches/<int:pk>/status/"), pitches.pitch_status_view, name="pitch-status"),
    path(_("pitches/files/<str:token>/"), pitches.pitch_attachment, name="pitch-attachment"),
    path(_("saved-searches/"), saved_searches.saved_search_list, name="saved-searches"),
    path(_("saved-searches/new/"), saved_searches.saved_search_create_view, name="saved-search-create"),
    path(_("saved-searches/<int:pk>/delete/"), saved_searches.saved_search_delete, name="saved-search-delete"),
]
