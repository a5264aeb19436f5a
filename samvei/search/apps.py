from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "samvei.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from samvei.core.periodic import register_periodic_task

        from . import registry
        from .tasks import rebuild_search_index

        registry.connect()
        register_periodic_task(rebuild_search_index)
