"""Fetch-and-authorise helpers: every team view gets its team through one of these."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .models import Basisteam, Cluster, Lidmaatschap, User


def is_beheerder(user: User) -> bool:
    return user.is_active and user.has_perm("teams.change_basisteam")


def is_teamchef(user: User, team: Basisteam) -> bool:
    return (
        user.is_authenticated
        and Lidmaatschap.objects.filter(
            user=user, basisteam=team, rol=Lidmaatschap.Rol.TEAMCHEF
        ).exists()
    )


def mag_team_bewerken(user: User, team: Basisteam) -> bool:
    """The teamchef keeps the team's context and agenda; a beheerder may do everything."""
    return is_beheerder(user) or is_teamchef(user, team)


def get_team_for_user(user: User, slug: str, *, bewerken: bool = False) -> Basisteam:
    """A team profile is visible to every logged-in colleague (views require login); only
    its teamchef and beheerders may change it. Others get 403: the team itself is public."""
    team = get_object_or_404(
        Basisteam.objects.met_kengetallen().select_related("eenheid"), slug=slug
    )
    if bewerken and not mag_team_bewerken(user, team):
        raise PermissionDenied
    return team


def get_cluster_for_user(user: User, slug: str, pk: int) -> tuple[Basisteam, Cluster]:
    """A cluster to edit, of the team named in the address: its teamchef or a beheerder;
    a cluster of another team is 404."""
    team = get_team_for_user(user, slug, bewerken=True)
    return team, get_object_or_404(Cluster, basisteam=team, pk=pk)
