from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import municipalities

app_name = "municipalities"
urlpatterns = [
    path("", municipalities.municipality_list, name="list"),
    path(_("who-decides/"), municipalities.who_decides, name="who-decides"),
    path("<str:number>/", municipalities.municipality_detail, name="detail"),
]
