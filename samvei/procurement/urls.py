from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "procurement"

urlpatterns = [
    path("", views.thresholds_view, name="thresholds"),
    path(_("advisor/"), views.advisor_view, name="advisor"),
    path(_("rules/"), views.rules_view, name="rules"),
    path(_("collaboration-forms/"), views.forms_view, name="forms"),
]
