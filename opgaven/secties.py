"""The team agenda as a section of the team profile, and the agenda of each similar team
on it (see core.secties)."""

from collections import defaultdict
from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .models import AgendaPunt


def team_agenda(request, team, context: dict) -> SafeString:
    agenda = team.agendapunten.select_related("opgave", "aandachtspunt")
    return render_to_string("opgaven/includes/team_agenda.html", {"agenda": agenda}, request)


def agenda_van_teams(request, teams: Sequence[int], context: dict) -> dict[int, SafeString]:
    """What each of `teams` (pks) works on, and how far it is: one query for all of them."""
    per_team: dict[int, list[AgendaPunt]] = defaultdict(list)
    for punt in AgendaPunt.objects.filter(basisteam__in=teams).select_related(
        "opgave", "aandachtspunt"
    ):
        per_team[punt.basisteam_id].append(punt)
    return {
        team: render_to_string("opgaven/includes/agenda_kort.html", {"agenda": punten}, request)
        for team, punten in per_team.items()
    }
