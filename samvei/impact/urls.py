"""Each part of the effect measurement keeps its routes beside its views."""

from .views import indicators, logic, overview, proxies, report, sroi

app_name = "impact"
urlpatterns = (
    overview.urlpatterns
    + logic.urlpatterns
    + indicators.urlpatterns
    + sroi.urlpatterns
    + report.urlpatterns
    + proxies.urlpatterns
)
