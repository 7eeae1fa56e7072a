"""Recording a gesprek: every change, its history and its lock, in one transaction.

Answers, afspraken and the gesprek itself carry a `versie`. A save names the version it
started from; when someone else saved in between, `Conflict` is raised with what is saved
now, so the second person sees both texts and nothing is silently overwritten.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from opgaven.models import Gespreksleidraad, Gespreksvraag, Opgave
from teams import services as team_services
from teams.models import Basisteam, User

from .models import (
    Afspraak,
    AfspraakQuerySet,
    AfspraakWijziging,
    Antwoord,
    AntwoordVersie,
    Gesprek,
    Status,
    Zichtbaarheid,
    volgende_statussen,
)

MAX_TOP3 = 3  # “Wat zijn de drie dingen die je het liefst en het snelst kan bereiken?”

GESPREK_VELDEN = (
    "titel",
    "datum",
    "gespreksleider",
    "deelnemers",
    "zichtbaarheid",
    "samenvatting",
)
AFSPRAAK_VELDEN = ("omschrijving", "opgave", "eigenaar", "streefdatum", "status")
# What may still change of an afspraak once its gesprek is completed: how it is followed up.
# What was agreed (omschrijving, opgave) is then a record, like the answers.
OPVOLG_VELDEN = ("status", "eigenaar", "streefdatum")


class Conflict(team_services.Conflict):
    """Someone else saved after this person started; `huidig` is what is saved now."""

    def __init__(self, huidig) -> None:
        super().__init__()
        self.huidig = huidig


class GesprekAfgerond(Exception):
    """A completed gesprek is a record: nothing is added or changed until it is reopened."""


class OngeldigeOvergang(Exception):
    """The gesprek cannot move to that status (see `models.volgende_statussen`)."""


class TeVeelAfspraken(Exception):
    """A “top 3” question holds at most three afspraken; `ruimte` says how many still fit."""

    def __init__(self, ruimte: int) -> None:
        super().__init__(ruimte)
        self.ruimte = ruimte


@transaction.atomic
def maak_gesprek(
    team: Basisteam,
    door: User | None,
    *,
    titel: str,
    datum: date,
    leidraad: Gespreksleidraad,
    opgaven: Iterable[Opgave] = (),
    gespreksleider: User | None = None,
    deelnemers: str = "",
    zichtbaarheid: str = Zichtbaarheid.TEAM,
    samenvatting: str = "",
) -> Gesprek:
    """A new gesprek with a place for every question the leidraad offers now. The questions
    (text, explanation, kind) and the leidraad's introduction are copied as they read today:
    archiving, rewording or changing one later changes nothing here."""
    gesprek = Gesprek.objects.create(
        basisteam=team,
        titel=titel,
        datum=datum,
        leidraad=leidraad,
        leidraad_inleiding=leidraad.inleiding,
        gespreksleider=gespreksleider,
        deelnemers=deelnemers,
        zichtbaarheid=zichtbaarheid,
        samenvatting=samenvatting,
        aangemaakt_door=door,
    )
    gesprek.opgaven.set(opgaven)
    vragen = Gespreksvraag.objects.actief().filter(leidraad=leidraad).order_by("volgorde", "pk")
    Antwoord.objects.bulk_create(
        Antwoord(
            gesprek=gesprek,
            vraag=vraag,
            vraag_tekst=vraag.tekst,
            vraag_toelichting=vraag.toelichting,
            soort=vraag.soort,
            volgorde=nummer,
        )
        for nummer, vraag in enumerate(vragen, start=1)
    )
    return gesprek


@transaction.atomic
def werk_gesprek_bij(
    gesprek: Gesprek, versie: int, velden: dict[str, Any], opgaven: Iterable[Opgave]
) -> int:
    """Save the gesprek's details if nobody saved since `versie`; returns the new version."""
    onbekend = set(velden) - set(GESPREK_VELDEN)
    if onbekend:
        raise ValueError(f"Not a field of the gesprek form: {sorted(onbekend)}")
    huidig = Gesprek.objects.select_for_update().get(pk=gesprek.pk)
    if huidig.is_afgerond:
        raise GesprekAfgerond
    if huidig.versie != versie:
        raise Conflict(huidig)
    Gesprek.objects.filter(pk=gesprek.pk).update(
        **velden, versie=F("versie") + 1, bijgewerkt_op=timezone.now()
    )
    gesprek.opgaven.set(opgaven)
    return versie + 1


@transaction.atomic
def zet_status(gesprek: Gesprek, naar: str, *, heropenen: bool) -> None:
    """Move the gesprek one step forward, or (`heropenen`: the teamchef) one step back."""
    if naar not in volgende_statussen(gesprek.status, heropenen=heropenen):
        raise OngeldigeOvergang(naar)
    bijgewerkt = Gesprek.objects.filter(pk=gesprek.pk, status=gesprek.status).update(
        status=naar, versie=F("versie") + 1, bijgewerkt_op=timezone.now()
    )
    if not bijgewerkt:
        raise Conflict(Gesprek.objects.get(pk=gesprek.pk))
    gesprek.status = Status(naar)
    gesprek.versie += 1


@transaction.atomic
def leg_antwoord_vast(antwoord: Antwoord, door: User | None, versie: int, tekst: str) -> bool:
    """Save an answer; the text it replaces goes into its history. Returns whether anything
    changed: saving the same text again leaves no line in the history."""
    huidig = Antwoord.objects.select_for_update().select_related("gesprek").get(pk=antwoord.pk)
    if huidig.gesprek.is_afgerond:
        raise GesprekAfgerond
    if huidig.versie != versie:
        raise Conflict(huidig)
    if huidig.tekst == tekst:
        return False
    nu = timezone.now()
    if huidig.bijgewerkt_op is not None:
        AntwoordVersie.objects.create(
            antwoord=huidig,
            tekst=huidig.tekst,
            door_id=huidig.bijgewerkt_door_id,
            op=huidig.bijgewerkt_op,
            vervangen_door=door,
            vervangen_op=nu,
        )
    huidig.tekst, huidig.bijgewerkt_door, huidig.bijgewerkt_op = tekst, door, nu
    huidig.versie += 1
    huidig.save(update_fields=["tekst", "bijgewerkt_door", "bijgewerkt_op", "versie"])
    return True


def log_afspraak(
    afspraak: Afspraak, actie: str, door: User | None, gesprek: Gesprek | None
) -> None:
    AfspraakWijziging.objects.create(
        afspraak=afspraak,
        actie=actie,
        omschrijving=afspraak.omschrijving,
        opgave_id=afspraak.opgave_id,
        eigenaar=afspraak.eigenaar,
        streefdatum=afspraak.streefdatum,
        status=afspraak.status,
        gesprek=gesprek,
        door=door,
    )


@transaction.atomic
def maak_afspraken(
    gesprek: Gesprek,
    door: User | None,
    regels: Sequence[dict[str, Any]],
    *,
    vraag: Gespreksvraag | None = None,
) -> list[Afspraak]:
    """Record afspraken in a gesprek; each row holds omschrijving and optionally opgave,
    eigenaar and streefdatum. Under a “top 3” question (`vraag`) at most three fit."""
    huidig = Gesprek.objects.select_for_update().get(pk=gesprek.pk)
    if huidig.is_afgerond:
        raise GesprekAfgerond
    if vraag is not None:
        if not huidig.antwoorden.filter(vraag=vraag, soort=Gespreksvraag.Soort.TOP3).exists():
            raise ValueError("That question is not part of this gesprek as a “top 3” question")
        bestaand = Afspraak.objects.filter(gesprek=huidig, vraag=vraag).count()
        if bestaand + len(regels) > MAX_TOP3:
            raise TeVeelAfspraken(max(MAX_TOP3 - bestaand, 0))
    afspraken = []
    for regel in regels:
        afspraak = Afspraak.objects.create(
            gesprek=huidig,
            basisteam_id=huidig.basisteam_id,
            vraag=vraag,
            omschrijving=regel["omschrijving"],
            opgave=regel.get("opgave"),
            eigenaar=regel.get("eigenaar", ""),
            streefdatum=regel.get("streefdatum"),
            aangemaakt_door=door,
            bijgewerkt_door=door,
        )
        log_afspraak(afspraak, AfspraakWijziging.Actie.AANGEMAAKT, door, huidig)
        afspraken.append(afspraak)
    return afspraken


@transaction.atomic
def werk_afspraak_bij(
    afspraak: Afspraak,
    door: User | None,
    versie: int,
    velden: dict[str, Any],
    *,
    in_gesprek: Gesprek | None = None,
) -> bool:
    """Change an afspraak (any of AFSPRAAK_VELDEN) if nobody did since `versie`; the new
    state goes into its history, with the gesprek it was followed up in. Returns whether
    anything changed. Once its gesprek is completed only OPVOLG_VELDEN change; changing
    another raises GesprekAfgerond."""
    onbekend = set(velden) - set(AFSPRAAK_VELDEN)
    if onbekend:
        raise ValueError(f"Not a field of an afspraak: {sorted(onbekend)}")
    if in_gesprek is not None:
        if in_gesprek.basisteam_id != afspraak.basisteam_id:
            raise ValueError("An afspraak is followed up in a gesprek of its own team")
        if in_gesprek.is_afgerond:
            raise GesprekAfgerond
    huidig = Afspraak.objects.select_for_update().get(pk=afspraak.pk)
    if huidig.versie != versie:
        raise Conflict(huidig)
    if "opgave" in velden:
        opgave = velden.pop("opgave")
        velden["opgave_id"] = opgave.pk if opgave else None
    gewijzigd = {veld for veld, waarde in velden.items() if getattr(huidig, veld) != waarde}
    if not gewijzigd:
        return False
    # Changing what was agreed locks the gesprek, so it is not completed meanwhile.
    if (
        gewijzigd - set(OPVOLG_VELDEN)
        and Gesprek.objects.select_for_update().get(pk=huidig.gesprek_id).is_afgerond
    ):
        raise GesprekAfgerond
    for veld, waarde in velden.items():
        setattr(huidig, veld, waarde)
    huidig.bijgewerkt_door = door
    huidig.versie += 1
    huidig.save()
    log_afspraak(huidig, AfspraakWijziging.Actie.GEWIJZIGD, door, in_gesprek)
    return True


def openstaande_afspraken(gesprek: Gesprek, voor: User) -> AfspraakQuerySet:
    """What carries over into `gesprek`: the team's afspraken from earlier gesprekken that
    are not done or dropped, plus those already followed up in this gesprek. Only what
    `voor` may read: someone outside the team, reading a shared gesprek, sees only the
    afspraken of the team's shared gesprekken, never those of its team-only ones."""
    return (
        Afspraak.objects.zichtbaar_voor(voor)
        .uit_eerdere_gesprekken(gesprek)
        .met_vraag_als_gesteld()
        .select_related("gesprek", "opgave", "bijgewerkt_door")
        .order_by(F("streefdatum").asc(nulls_last=True), "gesprek__datum", "pk")
    )
