from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "apikeys"
urlpatterns = [
    path(_("profile/api-keys/"), views.key_list, name="list"),
    path(_("profile/api-keys/<int:pk>/revoke/"), views.revoke, name="revoke"),
]
