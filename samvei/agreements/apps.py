from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "samvei.agreements"
    verbose_name = _("Agreement drafts")

    def ready(self) -> None:
        from .signals import load_templates_after_migrate

        post_migrate.connect(load_templates_after_migrate, sender=self)
