from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollaborationsConfig(AppConfig):
    name = "samvei.collaborations"
    verbose_name = _("Collaborations")

    def ready(self) -> None:
        from samvei.core.periodic import register_periodic_task

        from .tasks import send_pilot_end_reminders

        register_periodic_task(send_pilot_end_reminders)
