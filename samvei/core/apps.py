from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


def _copy_admin_entry(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    from .audit import admin_entry_record

    if created:
        admin_entry_record(instance)


class CoreConfig(AppConfig):
    name = "samvei.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.contrib.admin.models import LogEntry

        post_save.connect(_copy_admin_entry, sender=LogEntry, dispatch_uid="samvei_core_audit_admin")
