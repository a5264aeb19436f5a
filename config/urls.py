from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from config.api import api
from samvei.core.views import healthz, set_language

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    path("i18n/setlang/", set_language, name="set_language"),
]

urlpatterns += i18n_patterns(
    path("", include("samvei.pages.urls")),
    path(_("municipalities/"), include("samvei.organisations.urls_municipalities")),
    path(_("organisations/"), include("samvei.organisations.urls")),
    path(_("challenges/"), include("samvei.challenges.urls")),
    path(_("collaborations/"), include("samvei.collaborations.urls")),
    path(_("cookbook/"), include("samvei.cookbook.urls")),
    path(_("search/"), include("samvei.search.urls")),
    path(_("suggestions/"), include("samvei.matching.urls")),
    path(_("account/"), include("samvei.accounts.urls")),
    path(_("account/"), include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
