from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "samvei.organisations"
    verbose_name = _("Organisations")

    def ready(self) -> None:
        from samvei.accounts.personal_data import register_exporter
        from samvei.core.demo import register_demo_loader

        from .demo_data import demo_data_load
        from .personal_data import export_for
        from .signals import load_public_bodies_after_migrate

        post_migrate.connect(load_public_bodies_after_migrate, sender=self)
        register_exporter("organisations", export_for)
        register_demo_loader("organisations", demo_data_load)
