from django.urls import path

from . import views

app_name = "geography"
urlpatterns = [
    path("", views.municipality_list, name="municipality-list"),
    path("<str:number>/", views.municipality_detail, name="municipality-detail"),
]
