from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoorbeeldenConfig(AppConfig):
    """The library of local examples: submission, review, publication, adoption."""

    name = "voorbeelden"
    verbose_name = _("Voorbeelden")

    def ready(self) -> None:
        from core.secties import registreer_aanvulling, registreer_sectie

        from . import signals  # noqa: F401 (connects the receivers)
        from .secties import team_voorbeelden, voorbeelden_van_teams

        registreer_sectie("teamprofiel", team_voorbeelden)
        registreer_aanvulling("vergelijkbare teams", voorbeelden_van_teams)
