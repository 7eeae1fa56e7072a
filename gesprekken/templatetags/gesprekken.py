"""Template helpers of the gesprekken pages, and the section of the team profile that lists a
team's gesprekken (the teams app knows nothing of gesprekken: its template loads this)."""

import json

from django import template

from ..access import mag_gesprek_aanmaken
from ..concept import haal_opgeslagen
from ..models import Gesprek

register = template.Library()

OP_PROFIEL = 5  # the newest gesprekken on the team profile; the rest is one link away


@register.filter
def lijst(waarde) -> list:
    """One value as a list, for includes that take a list of forms."""
    return [waarde]


@register.filter
def met_fouten(formulieren) -> list:
    return [form for form in formulieren if form.errors]


@register.simple_tag(takes_context=True)
def opgeslagen_concepten(context) -> str:
    """For concept.js: the forms saved since it last ran, as JSON (see `concept.py`)."""
    request = context.get("request")
    return json.dumps(haal_opgeslagen(request) if request is not None else [])


@register.inclusion_tag("gesprekken/includes/team_gesprekken.html", takes_context=True)
def team_gesprekken(context, team):
    """The team's newest gesprekken that the viewer may read, in one query. The profile
    already knows whether the viewer may edit the team (`mag_bewerken`: its teamchef or a
    beheerder), which is who may start a gesprek too."""
    user = context["request"].user
    mag_aanmaken = context.get("mag_bewerken")
    if mag_aanmaken is None:
        mag_aanmaken = mag_gesprek_aanmaken(user, team)
    gesprekken = (
        Gesprek.objects.zichtbaar_voor(user)
        .filter(basisteam=team)
        .order_by("-datum", "-pk")[:OP_PROFIEL]
    )
    return {"team": team, "gesprekken": list(gesprekken), "mag_aanmaken": mag_aanmaken}
