"""Clearly labelled illustrative data for a first run: demo teams and one account per persona.

Everything here is made up. Names carry “(demo)” and e-mail addresses end in
@demo.podium.invalid, so nobody mistakes them for real teams or colleagues.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.db import transaction

from core.rechten import BEHEER, REDACTIE
from gesprekken.demo import load_demo_gesprekken
from opgaven.models import Fase, Opgave
from opgaven.services import zet_op_agenda
from teams.models import Basisteam, Eenheid, Gemeente, Lidmaatschap, User, Werkgebied
from teams.services import maak_cluster
from voorbeelden import services
from voorbeelden.models import Redactiestatus, Voorbeeld

DEMO_PASSWORD = "podium-demo-wachtwoord"  # noqa: S105 - printed on the console on purpose
DEMO_DOMAIN = "demo.podium.invalid"

# Teams that span the folder's ranges: from under 2 to over 1,800 km², from over 200,000 to
# under 20,000 inwoners, several gemeenten, one, or part of one; in and outside 60–200 fte.
DEMO_GEMEENTEN = [
    ("GM9001", "Grootstad (demo)"),
    ("GM9002", "Polderdorp (demo)"),
    ("GM9003", "Veenkoloniën (demo)"),
    ("GM9004", "Zandmeer (demo)"),
    ("GM9005", "Rivierstad (demo)"),
    ("GM9006", "Havenstad (demo)"),
    ("GM9007", "Heuveldorp (demo)"),
    ("GM9008", "Bergdal (demo)"),
    ("GM9009", "Kustplaats (demo)"),
]

DEMO_TEAMS = [
    {
        "naam": "Basisteam Centrum (demo)",
        "slug": "demo-centrum",
        "code": "DEMO-AM1",
        "eenheid": "AM",
        "district": "District Centrum (demo)",
        "formatie_fte": 180,
        "oppervlakte_km2": "1.8",
        "inwoners": 45_000,
        "wijkagenten": 8,
        "werkgebied": [("GM9001", "deel")],
        "clusters": [
            ("Wallen", "Oude Zijde\nNieuwe Zijde"),
            ("Grachten", "Jordaan\nGrachtengordel"),
        ],
        "context": {
            "bevolkingssamenstelling": "Veel jonge alleenstaanden, studenten en toeristen; "
            "een klein deel vaste bewoners.",
            "overlast": "Nachtelijke overlast rond uitgaansgebieden en drukte van toeristen.",
        },
    },
    {
        "naam": "Basisteam Polderland (demo)",
        "slug": "demo-polderland",
        "code": "DEMO-ON1",
        "eenheid": "ON",
        "district": "District Noordoost (demo)",
        "formatie_fte": 150,
        "oppervlakte_km2": "1850",
        "inwoners": 85_000,
        "wijkagenten": 18,
        "werkgebied": [("GM9002", "geheel"), ("GM9003", "geheel"), ("GM9004", "geheel")],
        "clusters": [("Noord", "Polderdorp\nVeenkoloniën"), ("Zuid", "Zandmeer")],
        "context": {
            "economische_omstandigheden": "Landbouw en kleine bedrijven; lange afstanden.",
        },
    },
    {
        "naam": "Basisteam Rivierstad (demo)",
        "slug": "demo-rivierstad",
        "code": "DEMO-MN1",
        "eenheid": "MN",
        "district": "District Rivieren (demo)",
        "formatie_fte": 195,
        "oppervlakte_km2": "60",
        "inwoners": 160_000,
        "wijkagenten": 30,
        "werkgebied": [("GM9005", "geheel")],
        "clusters": [],
        "context": {},
    },
    {
        "naam": "Basisteam Havenkwartier (demo)",
        "slug": "demo-havenkwartier",
        "code": "DEMO-RT1",
        "eenheid": "RT",
        "district": "District Haven (demo)",
        "formatie_fte": 210,
        "oppervlakte_km2": "25",
        "inwoners": 210_000,
        "wijkagenten": 40,
        "werkgebied": [("GM9006", "deel")],
        "clusters": [],
        "context": {},
    },
    {
        "naam": "Basisteam Heuvelland (demo)",
        "slug": "demo-heuvelland",
        "code": "DEMO-LB1",
        "eenheid": "LB",
        "district": "District Zuid (demo)",
        "formatie_fte": 55,
        "oppervlakte_km2": "400",
        "inwoners": 18_000,
        "wijkagenten": 4,
        "werkgebied": [("GM9007", "geheel"), ("GM9008", "geheel")],
        "clusters": [],
        "context": {},
    },
    {
        "naam": "Basisteam Kust (demo)",
        "slug": "demo-kust",
        "code": "DEMO-ZWB1",
        "eenheid": "ZWB",
        "district": "",
        "formatie_fte": 90,
        "oppervlakte_km2": "120",
        "inwoners": 70_000,
        "wijkagenten": None,
        "werkgebied": [("GM9009", "geheel")],
        "clusters": [],
        "context": {},
    },
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
    DemoAccount(
        f"redacteur@{DEMO_DOMAIN}",
        "Rik Redacteur (demo)",
        "redacteur",
        "demo-rivierstad",
        Lidmaatschap.Rol.COLLEGA,
        groep=REDACTIE,
    ),
    DemoAccount(
        f"beheerder@{DEMO_DOMAIN}",
        "Bea Beheerder (demo)",
        "beheerder",
        "demo-havenkwartier",
        Lidmaatschap.Rol.COLLEGA,
        groep=BEHEER,
    ),
]


@transaction.atomic
def load_demo() -> list[DemoAccount]:
    """Create or refresh the demo teams and accounts; running it twice changes nothing."""
    gemeenten = {
        code: Gemeente.objects.update_or_create(cbs_code=code, defaults={"naam": naam})[0]
        for code, naam in DEMO_GEMEENTEN
    }
    for data in DEMO_TEAMS:
        team, _ = Basisteam.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "naam": data["naam"],
                "code": data["code"],
                "eenheid": Eenheid.objects.get(code=data["eenheid"]),
                **{
                    veld: data[veld]
                    for veld in ["district", "formatie_fte", "oppervlakte_km2", "inwoners"]
                },
                "wijkagenten": data["wijkagenten"],
                **data["context"],
            },
        )
        for code, omvang in data["werkgebied"]:
            Werkgebied.objects.update_or_create(
                basisteam=team, gemeente=gemeenten[code], defaults={"omvang": omvang}
            )
        for naam, wijken in data["clusters"]:
            # Created once; a cluster edited since keeps its edits and its history.
            if not team.clusters.filter(naam=naam).exists():
                maak_cluster(team, None, naam=naam, wijken=wijken, leden=[])
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
            team = Basisteam.objects.get(slug=account.team_slug)
            # Once: a teamchef may have moved the member to another cluster since.
            Lidmaatschap.objects.get_or_create(
                user=user,
                basisteam=team,
                defaults={"rol": account.team_rol, "cluster": team.clusters.first()},
            )
    _demo_agenda()
    _demo_voorbeelden()
    _demo_vragen()
    load_demo_gesprekken()
    return DEMO_ACCOUNTS


def _demo_agenda() -> None:
    team = Basisteam.objects.get(slug="demo-centrum")
    if team.agendapunten.exists():
        return
    chef = User.objects.get(email=f"teamchef@{DEMO_DOMAIN}")
    web = Opgave.objects.get(nummer=1)
    zet_op_agenda(
        team,
        chef,
        web,
        web.aandachtspunten.get(volgorde=5),
        Fase.AAN_DE_SLAG,
        "Webcare met de gemeente, elke avond tot 23.00 uur.",
    )
    zet_op_agenda(team, chef, Opgave.objects.get(nummer=4), None, Fase.VERKENNEN, "")
    zet_op_agenda(
        team,
        chef,
        Opgave.objects.get(nummer=6),
        None,
        Fase.VERANKERD,
        "Twee clusters met eigen wijken.",
    )


def _demo_voorbeelden() -> None:
    """One published demo voorbeeld with a contact person, and one waiting for review."""
    if Voorbeeld.objects.filter(slug__startswith="demo-").exists():
        return
    collega = User.objects.get(email=f"collega@{DEMO_DOMAIN}")
    team = Basisteam.objects.get(slug="demo-centrum")
    nabijheid = Opgave.objects.get(nummer=4)
    gepubliceerd = Voorbeeld(
        titel="Koffie met een cop op het plein (demo)",
        slug="demo-koffie-met-een-cop",
        samenvatting="Elke eerste zaterdag drinken wijkagenten koffie met bewoners op het plein.",
        aanleiding="Bewoners wisten niet wie hun wijkagent was.",
        aanpak="- een vaste plek en tijd\n- koffie van de buurtvereniging",
        resultaat="Meer meldingen van kleine ergernissen, en sneller.",
        plaats="Grootstad (demo)",
        periode="Sinds maart 2026",
        status=Voorbeeld.Status.LOOPT,
        onderbouwing=Voorbeeld.Onderbouwing.LOKAAL,
        eenheid=team.eenheid,
        basisteam=team,
    )
    services.maak_aan(gepubliceerd, collega, indienen=True)
    gepubliceerd.opgaven.add(nabijheid)
    redacteur = User.objects.get(email=f"redacteur@{DEMO_DOMAIN}")
    services.zet_status(gepubliceerd, Redactiestatus.GEPUBLICEERD, redacteur)
    ingediend = Voorbeeld(
        titel="Wijkschouw met jongeren (demo)",
        slug="demo-wijkschouw-met-jongeren",
        samenvatting="Jongeren lopen met de wijkagent door de wijk en wijzen aan wat beter kan.",
        plaats="Grootstad (demo)",
        eenheid=team.eenheid,
        basisteam=team,
    )
    services.maak_aan(ingediend, collega, indienen=True)
    ingediend.opgaven.add(Opgave.objects.get(nummer=2))


def _demo_vragen() -> None:
    """A question under the published demo voorbeeld, answered by its contact person."""
    voorbeeld = Voorbeeld.objects.get(slug="demo-koffie-met-een-cop")
    if voorbeeld.berichten.exists():
        return
    chef = User.objects.get(email=f"teamchef.polderland@{DEMO_DOMAIN}")
    vraag = services.stel_vraag(
        voorbeeld, chef, "Hoe kregen jullie de buurtvereniging zover dat zij de koffie regelen?"
    )
    services.reageer(
        vraag,
        voorbeeld.contactpersoon,
        "We vroegen het op hun ledenavond. Zij zetten de koffie, wij nemen de bekers mee.",
    )
