from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GesprekkenConfig(AppConfig):
    """Team conversations: answers, afspraken, reports."""

    name = "gesprekken"
    verbose_name = _("Gesprekken")

    def ready(self) -> None:
        from core.secties import registreer_sectie

        from .secties import team_gesprekken

        registreer_sectie("teamprofiel", team_gesprekken)
