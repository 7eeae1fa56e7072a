"""Named personas, the same in every test module.

The DESIGN's permission table has six columns; each persona below is one of them. Tests that
walk the whole table parametrize over PERSONAS and ask for the fixture by name.
"""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from core.rechten import BEHEER, REDACTIE
from teams.models import Basisteam, Eenheid, Lidmaatschap, User

PASSWORD = "een-lang-testwachtwoord"

PERSONAS = [
    "anonymous",
    "collega",
    "teamchef",
    "teamchef_ander_team",
    "redacteur",
    "beheerder",
]


def make_user(email: str, naam: str, **extra) -> User:
    user = User.objects.create_user(email=email, password=PASSWORD, naam=naam, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


@pytest.fixture
def eenheid(db) -> Eenheid:
    return Eenheid.objects.get(code="MN")


@pytest.fixture
def team(eenheid) -> Basisteam:
    return Basisteam.objects.create(
        naam="Basisteam Utrecht-Centrum",
        slug="utrecht-centrum",
        code="MN-UC",
        eenheid=eenheid,
        formatie_fte=140,
        oppervlakte_km2=10,
        inwoners=120_000,
        wijkagenten=20,
    )


@pytest.fixture
def ander_team(eenheid) -> Basisteam:
    return Basisteam.objects.create(
        naam="Basisteam Heuvelrug",
        slug="heuvelrug",
        code="MN-HR",
        eenheid=eenheid,
        formatie_fte=75,
        oppervlakte_km2=300,
        inwoners=60_000,
        wijkagenten=12,
    )


@pytest.fixture
def anonymous(client):
    return None


@pytest.fixture
def collega(team) -> User:
    user = make_user("collega@politie.test", "Carla Collega")
    Lidmaatschap.objects.create(user=user, basisteam=team, rol=Lidmaatschap.Rol.COLLEGA)
    return user


@pytest.fixture
def teamchef(team) -> User:
    user = make_user("teamchef@politie.test", "Tom Teamchef")
    Lidmaatschap.objects.create(user=user, basisteam=team, rol=Lidmaatschap.Rol.TEAMCHEF)
    return user


@pytest.fixture
def teamchef_ander_team(ander_team) -> User:
    user = make_user("chef.heuvelrug@politie.test", "Hanna Heuvelrug")
    Lidmaatschap.objects.create(user=user, basisteam=ander_team, rol=Lidmaatschap.Rol.TEAMCHEF)
    return user


@pytest.fixture
def redacteur(db) -> User:
    user = make_user("redacteur@politie.test", "Rik Redacteur", is_staff=True)
    user.groups.add(Group.objects.get(name=REDACTIE))
    return user


@pytest.fixture
def beheerder(db) -> User:
    user = make_user("beheerder@politie.test", "Bea Beheerder", is_staff=True)
    user.groups.add(Group.objects.get(name=BEHEER))
    return user


@pytest.fixture
def as_persona(request, client):
    """Log the client in as the named persona (or leave it anonymous) and return it."""

    def login(name: str):
        user = request.getfixturevalue(name)
        if user is not None:
            client.force_login(user)
        return client

    return login


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness protects production passwords, not test fixtures.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _whitenoise_lazy(settings):
    # Every test client builds the middleware again, and WhiteNoise would scan all static
    # files each time (~0.1 s a test); unit tests fetch no static file.
    settings.WHITENOISE_AUTOREFRESH = True


def pytest_collection_modifyitems(config, items):
    """A transactional test flushes the database when it ends; without serialized_rollback
    the content the data migrations loaded (eenheden, opgaven, groups) is gone for every test
    after it in that worker, and the content types it recreates collide with the next
    serialized test. So every transactional test restores it."""
    for item in items:
        for marker in item.iter_markers("django_db"):
            if marker.kwargs.get("transaction") and not marker.kwargs.get("serialized_rollback"):
                raise pytest.UsageError(
                    f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True"
                )
