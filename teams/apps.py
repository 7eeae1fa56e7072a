from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams and people")

    def ready(self) -> None:
        from allauth.account.signals import password_reset

        from .services import markeer_email_geverifieerd

        password_reset.connect(markeer_email_geverifieerd, dispatch_uid="teams_reset_verifies")
