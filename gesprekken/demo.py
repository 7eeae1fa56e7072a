"""A clearly labelled demo gesprek for a first run, made through the same services as the
pages. `podium.demo` calls `load_demo_gesprekken()` after the demo teams and accounts exist.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from opgaven.models import Gespreksleidraad, Opgave
from teams.models import Basisteam, User

from . import services
from .models import AfspraakStatus, Gesprek, Status, Zichtbaarheid

DEMO_TEAM = "demo-centrum"
DEMO_TEAMCHEF = "teamchef@demo.podium.invalid"
DEMO_GESPREKSLEIDER = "collega@demo.podium.invalid"
DEMO_TITEL = "Teamgesprek over de ontwikkeling van het team (demo)"

ANTWOORDEN = {
    1: "Elke maand een teamdag met de clusters; wijkagenten lopen mee met de "
    "jongerenwerkers van de gemeente. (demo)",
    2: "- Tijd om te leren van andere teams\n- Een vaste contactpersoon bij de gemeente\n"
    "- Ruimte in het rooster voor wijkschouwen (demo)",
}
DRIE_DINGEN = [
    (
        "Maandelijkse wijkschouw met de gemeente en de woningcorporatie (demo)",
        "Carla Collega (demo)",
        30,
        AfspraakStatus.LOOPT,
        4,
    ),
    (
        "Leerbijeenkomst met een vergelijkbaar team organiseren (demo)",
        "Tom Teamchef (demo)",
        60,
        AfspraakStatus.OPEN,
        5,
    ),
    ("Webcare-rooster tot 23.00 uur vastleggen (demo)", "gemeente", -7, AfspraakStatus.OPEN, 1),
]


@transaction.atomic
def load_demo_gesprekken() -> Gesprek | None:
    """Create the demo gesprek of Basisteam Centrum (demo) once; running it again changes
    nothing. Returns the gesprek, or None when the demo team or teamchef is missing."""
    team = Basisteam.objects.filter(slug=DEMO_TEAM).first()
    chef = User.objects.filter(email=DEMO_TEAMCHEF).first()
    if team is None or chef is None:
        return None
    bestaand = Gesprek.objects.filter(basisteam=team, titel=DEMO_TITEL).first()
    if bestaand:
        return bestaand
    leider = User.objects.filter(email=DEMO_GESPREKSLEIDER).first()
    vandaag = timezone.localdate()
    gesprek = services.maak_gesprek(
        team,
        chef,
        titel=DEMO_TITEL,
        datum=vandaag - datetime.timedelta(days=14),
        leidraad=Gespreksleidraad.objects.get(slug="interne-opgaven"),
        opgaven=Opgave.objects.filter(nummer__in=[5, 6]),
        gespreksleider=leider,
        deelnemers="wijkagenten, teamchef, gemeente, woningcorporatie (demo)",
        zichtbaarheid=Zichtbaarheid.POLITIE,
        samenvatting="Het team wil leren van vergelijkbare teams en de wijkschouw vast "
        "inplannen. (demo)",
    )
    for antwoord in gesprek.antwoorden.select_related("vraag"):
        if antwoord.is_top3:
            afspraken = services.maak_afspraken(
                gesprek,
                leider or chef,
                [
                    {
                        "omschrijving": omschrijving,
                        "eigenaar": eigenaar,
                        "streefdatum": vandaag + datetime.timedelta(days=dagen),
                        "opgave": Opgave.objects.get(nummer=nummer),
                    }
                    for omschrijving, eigenaar, dagen, _status, nummer in DRIE_DINGEN
                ],
                vraag=antwoord.vraag,
            )
            for afspraak, (*_rest, status, _nummer) in zip(afspraken, DRIE_DINGEN, strict=True):
                if status != afspraak.status:
                    services.werk_afspraak_bij(afspraak, chef, afspraak.versie, {"status": status})
        elif antwoord.volgorde in ANTWOORDEN:
            services.leg_antwoord_vast(
                antwoord, leider or chef, antwoord.versie, ANTWOORDEN[antwoord.volgorde]
            )
    services.zet_status(gesprek, Status.GEVOERD, heropenen=False, door=chef)
    return gesprek
