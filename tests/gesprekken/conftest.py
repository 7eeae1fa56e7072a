"""Fixtures of the gesprekken tests: the folder's question sets, a gesprek of `team` and the
people around it. The personas themselves come from tests/conftest.py."""

import datetime

import pytest

from gesprekken import services
from gesprekken.models import Zichtbaarheid
from opgaven.models import Gespreksleidraad, Opgave
from teams.models import Lidmaatschap
from tests.conftest import make_user


@pytest.fixture
def leidraad(db) -> Gespreksleidraad:
    """The internal question set: two open questions and the “drie dingen” (top 3)."""
    return Gespreksleidraad.objects.get(slug="interne-opgaven")


@pytest.fixture
def leidraad_extern(db) -> Gespreksleidraad:
    return Gespreksleidraad.objects.get(slug="externe-opgaven")


@pytest.fixture
def gespreksleider(team):
    """A member of the team whom the teamchef names gespreksleider of `gesprek`."""
    user = make_user("leider@politie.test", "Gijs Gespreksleider")
    Lidmaatschap.objects.create(user=user, basisteam=team, rol=Lidmaatschap.Rol.COLLEGA)
    return user


@pytest.fixture
def maak_gesprek(team, teamchef, leidraad):
    """Create a gesprek of `team` (or another team) through the service, as the teamchef."""

    def maak(**velden):
        velden.setdefault("titel", "Teamgesprek interne opgaven")
        velden.setdefault("datum", datetime.date(2026, 3, 10))
        velden.setdefault("leidraad", leidraad)
        velden.setdefault("opgaven", Opgave.objects.filter(nummer__in=[5, 6]))
        basisteam = velden.pop("team", team)
        door = velden.pop("door", teamchef)
        return services.maak_gesprek(basisteam, door, **velden)

    return maak


@pytest.fixture
def gesprek(maak_gesprek, gespreksleider):
    """A team-only gesprek of `team`, led by `gespreksleider`."""
    return maak_gesprek(gespreksleider=gespreksleider, deelnemers="wijkagenten, gemeente")


@pytest.fixture
def gedeeld_gesprek(maak_gesprek):
    """A gesprek of `team` shared with the whole police."""
    return maak_gesprek(titel="Gedeeld gesprek", zichtbaarheid=Zichtbaarheid.POLITIE)
