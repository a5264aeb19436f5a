from django.urls import path

from . import views

app_name = "freshness"

urlpatterns = [
    path("", views.recheck_list, name="list"),
]
