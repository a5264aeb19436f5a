from django.urls import path

from . import views

app_name = "procurement"

urlpatterns = [
    path("", views.thresholds_view, name="thresholds"),
]
