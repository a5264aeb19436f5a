from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FreshnessConfig(AppConfig):
    name = "samvei.freshness"
    verbose_name = _("Facts to re-check")

    def ready(self) -> None:
        from samvei.core.periodic import register_periodic_task

        from .tasks import send_recheck_list

        register_periodic_task(send_recheck_list)
