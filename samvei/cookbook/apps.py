from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CookbookConfig(AppConfig):
    name = "samvei.cookbook"
    verbose_name = _("Cookbook")

    def ready(self) -> None:
        from samvei.core.demo import register_demo_loader
        from samvei.core.periodic import register_periodic_task

        from .content_data import cookbook_content_load
        from .tasks import send_funding_reminders

        register_demo_loader("cookbook", cookbook_content_load)
        register_periodic_task(send_funding_reminders)
