"""The team agenda as a section of the team profile (see core.secties)."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString


def team_agenda(request, team, context: dict) -> SafeString:
    agenda = team.agendapunten.select_related("opgave", "aandachtspunt")
    return render_to_string("opgaven/includes/team_agenda.html", {"agenda": agenda}, request)
