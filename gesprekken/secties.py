"""The team's gesprekken as a section of the team profile (see core.secties)."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .access import mag_gesprek_aanmaken
from .models import Gesprek

OP_PROFIEL = 5  # the newest gesprekken on the team profile; the rest is one link away


def team_gesprekken(request, team, context: dict) -> SafeString:
    """The team's newest gesprekken that the viewer may read, in one query. The profile
    already knows whether the viewer may edit the team (`mag_bewerken`: its teamchef or a
    beheerder), which is who may start a gesprek too."""
    mag_aanmaken = context.get("mag_bewerken")
    if mag_aanmaken is None:
        mag_aanmaken = mag_gesprek_aanmaken(request.user, team)
    gesprekken = (
        Gesprek.objects.zichtbaar_voor(request.user)
        .filter(basisteam=team)
        .order_by("-datum", "-pk")[:OP_PROFIEL]
    )
    return render_to_string(
        "gesprekken/includes/team_gesprekken.html",
        {"team": team, "gesprekken": list(gesprekken), "mag_aanmaken": mag_aanmaken},
        request,
    )
