"""Fetch-and-authorise helpers: every gesprek and afspraak view gets its object through one of
these.

Who may do what:

- a beheerder: everything;
- the teamchef of the gesprek's team: everything for that team's gesprekken (`BEHEREN`);
- the gespreksleider of a gesprek, while a member of the team: record its answers and
  afspraken (`VASTLEGGEN`);
- other members of the team: read (`LEZEN`);
- everyone else who is logged in: read the gesprekken shared with the whole police; a
  team-only gesprek does not exist for them (404), so nothing leaks about it: not on the
  page of a shared gesprek either, where its afspraken and its title stay out of sight
  (`Rechten.teaminzage`).

A reader who asks for more than reading gets 403.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from teams.access import is_beheerder
from teams.models import Basisteam, Lidmaatschap, User

from .models import Afspraak, Gesprek


class Recht(StrEnum):
    LEZEN = "lezen"
    VASTLEGGEN = "vastleggen"
    BEHEREN = "beheren"


@dataclass(frozen=True)
class Rechten:
    lezen: bool = False
    vastleggen: bool = False
    beheren: bool = False
    # Reads the team's team-only gesprekken too (a member, or a beheerder): what a shared
    # gesprek shows of the team's other gesprekken depends on it.
    teaminzage: bool = False

    def __getitem__(self, recht: Recht) -> bool:
        return getattr(self, str(recht))


ALLES = Rechten(lezen=True, vastleggen=True, beheren=True, teaminzage=True)
ONBEKEND = object()  # the caller does not know the user's role yet


def rol_in_team(user: User, team_id: int) -> str | None:
    if not user.is_authenticated:
        return None
    return (
        Lidmaatschap.objects.filter(user=user, basisteam_id=team_id)
        .values_list("rol", flat=True)
        .first()
    )


def rechten_voor(user: User, gesprek: Gesprek, rol=ONBEKEND) -> Rechten:
    """What `user` may do with `gesprek`. Pass `rol` when the caller already knows the user's
    role in the gesprek's team (None: not a member), to save the query."""
    if not user.is_authenticated:
        return Rechten()
    if is_beheerder(user):
        return ALLES
    if rol is ONBEKEND:
        rol = rol_in_team(user, gesprek.basisteam_id)
    if rol == Lidmaatschap.Rol.TEAMCHEF:
        return ALLES
    lid = rol is not None
    return Rechten(
        lezen=lid or gesprek.is_gedeeld,
        vastleggen=lid and gesprek.gespreksleider_id == user.pk,
        teaminzage=lid,
    )


def _autoriseer(rechten: Rechten, recht: Recht) -> None:
    if not rechten.lezen:
        raise Http404
    if not rechten[recht]:
        raise PermissionDenied


def get_gesprek_for_user(user: User, pk: int, *, recht: Recht = Recht.LEZEN) -> Gesprek:
    """The gesprek, with `gesprek.rechten` set to what `user` may do with it."""
    gesprek = get_object_or_404(
        Gesprek.objects.select_related("basisteam", "leidraad", "gespreksleider"), pk=pk
    )
    gesprek.rechten = rechten_voor(user, gesprek)
    _autoriseer(gesprek.rechten, recht)
    return gesprek


def get_afspraak_for_user(user: User, pk: int, *, recht: Recht = Recht.LEZEN) -> Afspraak:
    """An afspraak is as visible as its gesprek; its gesprek's teamchef and gespreksleider
    may change it. `afspraak.rechten` is set, like `gesprek.rechten`, and
    `afspraak.vraag_als_gesteld` is its question as it was asked."""
    afspraak = get_object_or_404(
        Afspraak.objects.select_related(
            "gesprek__basisteam", "gesprek__gespreksleider", "opgave", "bijgewerkt_door"
        ).met_vraag_als_gesteld(),
        pk=pk,
    )
    afspraak.rechten = rechten_voor(user, afspraak.gesprek)
    _autoriseer(afspraak.rechten, recht)
    return afspraak


def mag_gesprek_aanmaken(user: User, team: Basisteam) -> bool:
    return is_beheerder(user) or rol_in_team(user, team.pk) == Lidmaatschap.Rol.TEAMCHEF


def get_team_voor_nieuw_gesprek(user: User, slug: str) -> Basisteam:
    """The team profile is public to colleagues, so a colleague without the right gets 403."""
    team = get_object_or_404(Basisteam.objects.select_related("eenheid"), slug=slug)
    if not mag_gesprek_aanmaken(user, team):
        raise PermissionDenied
    return team
