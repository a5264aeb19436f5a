from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "collaborations"
urlpatterns = [
    path("", views.collaboration_list, name="list"),
    path(_("new/"), views.collaboration_new, name="new"),
    path("<int:pk>/", views.collaboration_detail, name="detail"),
    path(_("<int:pk>/stage/"), views.collaboration_stage, name="stage"),
    path(_("<int:pk>/plan/"), views.collaboration_plan, name="plan"),
    path(_("<int:pk>/advice/"), views.collaboration_advice, name="advice"),
    path(_("<int:pk>/milestones/"), views.milestone_add, name="milestone-add"),
    path(_("<int:pk>/milestones/<int:milestone_pk>/done/"), views.milestone_done, name="milestone-done"),
    path(_("<int:pk>/documents/"), views.document_upload, name="document-upload"),
    path(_("documents/<str:token>/"), views.document_download, name="document"),
    path(_("start/<int:pitch_id>/"), views.collaboration_start_view, name="start"),
]
