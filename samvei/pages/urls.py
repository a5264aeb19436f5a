from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import audit, views

app_name = "pages"
urlpatterns = [
    path("", views.front, name="front"),
    path(_("accessibility/"), views.accessibility, name="accessibility"),
    path(_("privacy/"), views.privacy, name="privacy"),
    path(_("audit-log/"), audit.audit_log, name="audit-log"),
]
