"""The voorbeelden a team shared and the ones it applies, as a section of the team profile,
and the same for each similar team on it (see core.secties).

Only published ones, as the reader may read them (`gepubliceerd_voor`): a draft is its
author's and the redactie's, not the team's, so it shows on no team page."""

from collections import defaultdict
from collections.abc import Sequence

from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .models import Toepassing, Voorbeeld

PER_VERGELIJKBAAR_TEAM = 5  # titles per list of a similar team; its profile has them all


def team_voorbeelden(request, team, context: dict) -> SafeString:
    """One query: the team's own published voorbeelden and those it applies."""
    toegepast = Toepassing.objects.filter(voorbeeld=OuterRef("pk"), basisteam=team)
    voorbeelden = list(
        Voorbeeld.objects.gepubliceerd_voor(request.user)
        .filter(Q(basisteam=team) | Q(Exists(toegepast)))
        .annotate(toegepast=Exists(toegepast))
        .select_related("basisteam")
        .only("titel", "slug", "plaats", "gepubliceerd_op", "basisteam__naam", "basisteam")
    )
    return render_to_string(
        "voorbeelden/includes/team_voorbeelden.html",
        {
            "team": team,
            "eigen": [v for v in voorbeelden if v.basisteam_id == team.pk],
            "toegepast": [v for v in voorbeelden if v.toegepast and v.basisteam_id != team.pk],
        },
        request,
    )


def voorbeelden_van_teams(request, teams: Sequence[int], context: dict) -> dict[int, SafeString]:
    """What each of `teams` (pks) shared and applies: two queries for all of them."""
    leesbaar = Voorbeeld.objects.gepubliceerd_voor(request.user)
    eigen: dict[int, list[Voorbeeld]] = defaultdict(list)
    for voorbeeld in leesbaar.filter(basisteam__in=teams).only("titel", "slug", "basisteam"):
        eigen[voorbeeld.basisteam_id].append(voorbeeld)
    toegepast: dict[int, list[Voorbeeld]] = defaultdict(list)
    toepassingen = (
        Toepassing.objects.filter(basisteam__in=teams, voorbeeld__in=leesbaar)
        .select_related("voorbeeld")
        .only("basisteam", "voorbeeld__titel", "voorbeeld__slug", "voorbeeld__basisteam")
    )
    for toepassing in toepassingen:
        if toepassing.voorbeeld.basisteam_id != toepassing.basisteam_id:
            toegepast[toepassing.basisteam_id].append(toepassing.voorbeeld)
    return {
        team: render_to_string(
            "voorbeelden/includes/voorbeelden_kort.html",
            {"eigen": _ingekort(eigen[team]), "toegepast": _ingekort(toegepast[team])},
            request,
        )
        for team in teams
        if eigen[team] or toegepast[team]
    }


def _ingekort(voorbeelden: list[Voorbeeld]) -> dict:
    return {
        "voorbeelden": voorbeelden[:PER_VERGELIJKBAAR_TEAM],
        "meer": max(len(voorbeelden) - PER_VERGELIJKBAAR_TEAM, 0),
    }
