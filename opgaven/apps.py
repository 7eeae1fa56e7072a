from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpgavenConfig(AppConfig):
    name = "opgaven"
    verbose_name = _("Opgaven")

    def ready(self) -> None:
        from core.secties import registreer_sectie

        from .secties import team_agenda

        registreer_sectie("teamprofiel", team_agenda)
