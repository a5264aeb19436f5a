from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "accounts"
urlpatterns = [
    path(_("profile/"), views.profile, name="profile"),
    path(_("my-data/"), views.personal_data_download, name="personal-data"),
    path(_("delete/"), views.delete_account, name="delete"),
]
