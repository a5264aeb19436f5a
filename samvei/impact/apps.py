from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ImpactConfig(AppConfig):
    name = "samvei.impact"
    verbose_name = _("Effects and SROI")

    def ready(self) -> None:
        from .signals import load_reference_data_after_migrate

        post_migrate.connect(load_reference_data_after_migrate, sender=self)
