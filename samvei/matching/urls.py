from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "matching"
urlpatterns = [
    path(_("challenges-for-you/"), views.challenges_for_you, name="challenges-for-you"),
    path(_("challenge/<int:pk>/"), views.challenge_matches, name="challenge-matches"),
]
