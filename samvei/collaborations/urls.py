from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "collaborations"
urlpatterns = [
    path("", views.collaboration_list, name="list"),
    path("<int:pk>/", views.collaboration_detail, name="detail"),
    path(_("start/<int:pitch_id>/"), views.collaboration_start_view, name="start"),
]
