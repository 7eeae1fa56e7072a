"""The breadcrumbs of a team's pages: the team's own, and those of the apps above that hang
pages under the team (its agenda, its gesprekken and afspraken)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from .models import Basisteam


def team_kruimels(team: Basisteam, *verder) -> list:
    """Basisteams › the team › `verder`. The last crumb is the page itself: the breadcrumbs
    include shows it without its link."""
    return [
        (_("Basisteams"), reverse("teams:list")),
        (team.naam, team.get_absolute_url()),
        *verder,
    ]
