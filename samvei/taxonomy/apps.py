from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "samvei.taxonomy"
    verbose_name = _("Taxonomy")

    def ready(self) -> None:
        from .signals import load_taxonomy_after_migrate

        post_migrate.connect(load_taxonomy_after_migrate, sender=self)
