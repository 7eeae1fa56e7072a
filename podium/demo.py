"""Clearly labelled illustrative data for a first run: demo teams and one account per persona.

Everything here is made up. Names carry “(demo)” and e-mail addresses end in
@demo.podium.invalid, so nobody mistakes them for real teams or colleagues.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from teams.models import Basisteam, Eenheid, Lidmaatschap, User
from teams.permissions import BEHEER, REDACTIE

DEMO_PASSWORD = "podium-demo-wachtwoord"  # noqa: S105 - printed on the console on purpose
DEMO_DOMAIN = "demo.podium.invalid"

DEMO_TEAMS = [
    ("Basisteam Centrum (demo)", "demo-centrum", "AM"),
    ("Basisteam Polderland (demo)", "demo-polderland", "ON"),
]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    naam: str
    rol: str
    team_slug: str | None = None
    team_rol: str | None = None
    groep: str | None = None


DEMO_ACCOUNTS = [
    DemoAccount(
        f"collega@{DEMO_DOMAIN}",
        "Carla Collega (demo)",
        "collega",
        "demo-centrum",
        Lidmaatschap.Rol.COLLEGA,
    ),
    DemoAccount(
        f"teamchef@{DEMO_DOMAIN}",
        "Tom Teamchef (demo)",
        "teamchef",
        "demo-centrum",
        Lidmaatschap.Rol.TEAMCHEF,
    ),
    DemoAccount(
        f"teamchef.polderland@{DEMO_DOMAIN}",
        "Petra Polderland (demo)",
        "teamchef (ander team)",
        "demo-polderland",
        Lidmaatschap.Rol.TEAMCHEF,
    ),
    DemoAccount(f"redacteur@{DEMO_DOMAIN}", "Rik Redacteur (demo)", "redacteur", groep=REDACTIE),
    DemoAccount(f"beheerder@{DEMO_DOMAIN}", "Bea Beheerder (demo)", "beheerder", groep=BEHEER),
]


@transaction.atomic
def load_demo() -> list[DemoAccount]:
    """Create or refresh the demo teams and accounts; running it twice changes nothing."""
    for naam, slug, eenheid_code in DEMO_TEAMS:
        Basisteam.objects.update_or_create(
            slug=slug,
            defaults={"naam": naam, "eenheid": Eenheid.objects.get(code=eenheid_code)},
        )
    for account in DEMO_ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=account.email,
            defaults={"naam": account.naam, "is_staff": account.groep is not None},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=account.email, defaults={"verified": True, "primary": True}
        )
        if account.groep:
            user.groups.add(Group.objects.get(name=account.groep))
        if account.team_slug:
            Lidmaatschap.objects.update_or_create(
                user=user,
                basisteam=Basisteam.objects.get(slug=account.team_slug),
                defaults={"rol": account.team_rol},
            )
    return DEMO_ACCOUNTS
