from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from teams.models import Basisteam


def site(request: HttpRequest) -> dict:
    return {
        "site_name": settings.SITE_NAME,
        "signup_open": settings.ACCOUNT_SIGNUP_OPEN,
        "mijn_team": mijn_team(request),
    }


@dataclass(frozen=True)
class MijnTeam:
    """The member's own team in the header: where it lives and whether this page is it."""

    naam: str
    url: str
    huidig: str  # aria-current: "page" on the profile, "true" on the team's other pages, ""


def _mijn_team(request: HttpRequest) -> MijnTeam | None:
    # One query, whatever the number of teams: a member of several gets the first by name.
    team = Basisteam.objects.van_lid(request.user).order_by("naam").only("naam", "slug").first()
    if team is None:
        return None
    url = team.get_absolute_url()
    huidig = "page" if request.path == url else "true" if request.path.startswith(url) else ""
    return MijnTeam(naam=team.naam, url=url, huidig=huidig)


def mijn_team(request: HttpRequest) -> MijnTeam | None:
    """The header's “My team”: None for anonymous visitors and non-members. Lazy, so a
    template that draws no header asks nothing."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return SimpleLazyObject(lambda: _mijn_team(request))
