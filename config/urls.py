from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import Http404
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.defaults import page_not_found

from config.api import api
from samvei.core.views import api_not_found, healthz, set_language

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    # Any other address under /api/ answers a JSON 404 too; only /api/v1 itself is left to APPEND_SLASH.
    re_path(r"^api/(?!v1$)(?P<unknown>.*)$", api_not_found),
    path("i18n/setlang/", set_language, name="set_language"),
]

# Errors no view caught: JSON on the API, and a database outage answers 503 instead of the 500 page.
handler400 = "samvei.core.views.bad_request"
handler403 = "samvei.core.views.permission_denied"
handler500 = "samvei.core.views.server_error"

urlpatterns += i18n_patterns(
    path("", include("samvei.pages.urls")),
    path(_("municipalities/"), include("samvei.organisations.urls_municipalities")),
    path(_("organisations/"), include("samvei.organisations.urls")),
    path(_("challenges/"), include("samvei.challenges.urls")),
    path(_("collaborations/"), include("samvei.collaborations.urls")),
    path(_("agreements/"), include("samvei.agreements.urls")),
    path(_("effects/"), include("samvei.impact.urls")),
    path(_("cookbook/"), include("samvei.cookbook.urls")),
    path(_("procurement/"), include("samvei.procurement.urls")),
    path(_("search/"), include("samvei.search.urls")),
    path(_("facts-to-recheck/"), include("samvei.freshness.urls")),
    path(_("suggestions/"), include("samvei.matching.urls")),
    path(_("account/"), include("samvei.accounts.urls")),
    path(_("account/"), include("samvei.apikeys.urls")),
    path(_("account/"), include("allauth.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

if settings.DEBUG:
    # DEBUG answers an unknown address with Django's English technical page; show visitors our own 404 page.
    # Only addresses ending in a slash, so that APPEND_SLASH still redirects /konto/login to /konto/login/;
    # not the API, whose unknown routes stay JSON. A 404 raised by a view still shows the technical page.
    urlpatterns += [re_path(r"^(?!api/)(?:.*/)?$", page_not_found, {"exception": Http404()})]
