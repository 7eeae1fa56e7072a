from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpgavenConfig(AppConfig):
    name = "opgaven"
    verbose_name = _("Opgaven")

    def ready(self) -> None:
        from core.secties import registreer_aanvulling, registreer_sectie
        from teams.filters import registreer_filters

        from .filters import TeamAgendaFilter
        from .secties import agenda_van_teams, team_agenda

        registreer_sectie("teamprofiel", team_agenda)
        registreer_aanvulling("vergelijkbare teams", agenda_van_teams)
        registreer_filters(TeamAgendaFilter)
