from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "samvei.matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from samvei.core.periodic import register_periodic_task

        from .signals import connect
        from .tasks import refresh_all_match_profiles

        connect()
        register_periodic_task(refresh_all_match_profiles)
