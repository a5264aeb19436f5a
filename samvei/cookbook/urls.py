from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import editor, views

app_name = "cookbook"
urlpatterns = [
    path("", views.index, name="index"),
    path(_("recipes/<slug:slug>/"), views.recipe_detail, name="recipe-detail"),
    path(_("myths/"), views.myth_list, name="myths"),
    path(_("cases/"), views.case_list, name="cases"),
    path(_("cases/<slug:slug>/"), views.case_detail, name="case-detail"),
    path(_("funding/"), views.funding_list, name="funding"),
    path(_("funding/<slug:slug>/"), views.funding_detail, name="funding-detail"),
    path(_("funding/<slug:slug>/follow/"), views.funding_follow_view, name="funding-follow"),
    path(_("blog/"), views.post_list, name="posts"),
    path(_("blog/feed/"), views.BlogFeed(), name="posts-feed"),
    path(_("blog/<slug:slug>/"), views.post_detail, name="post-detail"),
    path(_("moderation/"), views.moderation, name="moderation"),
    path(_("edit/<str:kind>/new/"), editor.content_edit, name="content-new"),
    path(_("edit/<str:kind>/<int:pk>/"), editor.content_edit, name="content-edit"),
    path(_("edit/<str:kind>/<int:pk>/history/"), editor.content_history, name="content-history"),
]
