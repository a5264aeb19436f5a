from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChallengesConfig(AppConfig):
    name = "samvei.challenges"
    verbose_name = _("Challenges")

    def ready(self) -> None:
        from samvei.accounts.personal_data import register_exporter
        from samvei.core.demo import register_demo_loader
        from samvei.core.periodic import register_periodic_task

        from .demo_data import demo_challenges_load
        from .personal_data import export_for
        from .signals import connect
        from .tasks import close_expired_challenges

        connect()
        register_demo_loader("challenges", demo_challenges_load)
        register_periodic_task(close_expired_challenges)
        register_exporter("challenges", export_for)
