"""Recording a gesprek: every change in one transaction, saved as a new version with who
and why in its history (`core.versies`).

Answers, afspraken and the gesprek itself carry a `versie`. A save names the version it
started from; when someone else saved in between, `core.versies.Conflict` is raised with
what is saved now, so the second person sees both texts and nothing is silently
overwritten. Saving what is already saved leaves no version and no history row.
"""

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.versies import Conflict, bewaar_nieuw, leg_versie_vast, vergrendel
from opgaven.models import Gespreksleidraad, Gespreksvraag, Opgave
from teams.models import Basisteam, User

from .models import (
    Afspraak,
    AfspraakQuerySet,
    Antwoord,
    Gesprek,
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

# Why a version was saved: the reason in its history.
REDEN_GESPREK_GEMAAKT = _("gesprek created")
REDEN_GESPREK_BIJGEWERKT = _("gesprek details edited")
REDEN_SAMENVATTING = _("summary written")
REDEN_STATUS = _("gesprek status changed")
REDEN_ANTWOORD = _("answer recorded")
REDEN_AFSPRAAK_GEMAAKT = _("afspraak recorded")
REDEN_AFSPRAAK_BIJGEWERKT = _("afspraak changed")
REDEN_AFSPRAAK_OPGEVOLGD = _("afspraak followed up in a gesprek")


class GesprekAfgerond(Exception):
    """A completed gesprek is a record: nothing is added or changed until it is reopened."""


class OngeldigeOvergang(Exception):
    """The gesprek cannot move to that status (see `models.volgende_statussen`)."""


class TeVeelAfspraken(Exception):
    """A “top 3” question holds at most three afspraken; `ruimte` says how many still fit."""

    def __init__(self, ruimte: int) -> None:
        super().__init__(ruimte)
        self.ruimte = ruimte


def _wijzigingen(obj: models.Model, velden: dict[str, Any]) -> dict[str, Any]:
    """Those of `velden` that differ from what `obj` holds; a relation by its key, so
    comparing costs no query."""
    anders = {}
    for naam, waarde in velden.items():
        veld = obj._meta.get_field(naam)
        if veld.is_relation:
            if getattr(obj, veld.attname) != getattr(waarde, "pk", waarde):
                anders[naam] = waarde
        elif getattr(obj, naam) != waarde:
            anders[naam] = waarde
    return anders


def _vergrendel_open[M: models.Model](
    queryset: models.QuerySet[M], pk: int, versie: int | None, gesprek_van
) -> M:
    """`core.versies.vergrendel` for what belongs to a gesprek: the row (and, joined, its
    gesprek) locked. A completed gesprek is a record: that says more than a conflict, so
    GesprekAfgerond comes first."""
    try:
        huidig = vergrendel(queryset, pk, versie)
    except Conflict as conflict:
        if gesprek_van(conflict.huidig).is_afgerond:
            raise GesprekAfgerond from conflict
        raise
    if gesprek_van(huidig).is_afgerond:
        raise GesprekAfgerond
    return huidig


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
    gesprek = Gesprek(
        basisteam=team,
        titel=titel,
        datum=datum,
        leidraad=leidraad,
        leidraad_inleiding=leidraad.inleiding,
        gespreksleider=gespreksleider,
        deelnemers=deelnemers,
        zichtbaarheid=zichtbaarheid,
        samenvatting=samenvatting,
    )
    bewaar_nieuw(gesprek, door=door, reden=REDEN_GESPREK_GEMAAKT)
    gesprek.opgaven.set(opgaven)
    vragen = Gespreksvraag.objects.actief().filter(leidraad=leidraad).order_by("volgorde", "pk")
    # Unanswered: no history until the first text is saved.
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
    gesprek: Gesprek,
    versie: int | None,
    velden: dict[str, Any],
    opgaven: Iterable[Opgave] | None = None,
    *,
    door: User | None = None,
    reden: str = REDEN_GESPREK_BIJGEWERKT,
) -> int:
    """Save the gesprek's details (and, unless None, the opgaven discussed) if nobody saved
    since `versie`; returns the version now saved. Nothing changed: no new version."""
    onbekend = set(velden) - set(GESPREK_VELDEN)
    if onbekend:
        raise ValueError(f"Not a field of the gesprek form: {sorted(onbekend)}")
    huidig = _vergrendel_open(Gesprek.objects.all(), gesprek.pk, versie, lambda g: g)
    gewijzigd = _wijzigingen(huidig, velden)
    opgaven_nu = set(huidig.opgaven.values_list("pk", flat=True))
    nieuwe_opgaven = None if opgaven is None else {o.pk for o in opgaven}
    if not gewijzigd and nieuwe_opgaven in (None, opgaven_nu):
        return huidig.versie
    for veld, waarde in gewijzigd.items():
        setattr(huidig, veld, waarde)
    if nieuwe_opgaven is not None:
        huidig.opgaven.set(nieuwe_opgaven)
    leg_versie_vast(huidig, door=door, reden=reden)
    _neem_over(huidig, gesprek)
    return huidig.versie


@transaction.atomic
def zet_status(
    gesprek: Gesprek,
    naar: str,
    *,
    heropenen: bool,
    door: User | None = None,
    versie: int | None = None,
) -> None:
    """Move the gesprek one step forward, or (`heropenen`: the teamchef) one step back, if
    nobody changed it since `versie` (by default: as `gesprek` was read)."""
    gelezen = gesprek.versie if versie is None else versie
    huidig = vergrendel(Gesprek.objects.all(), gesprek.pk, gelezen)
    if naar not in volgende_statussen(huidig.status, heropenen=heropenen):
        raise OngeldigeOvergang(naar)
    huidig.status = naar
    leg_versie_vast(huidig, door=door, reden=REDEN_STATUS)
    _neem_over(huidig, gesprek)


def _neem_over(bron: models.Model, doel: models.Model) -> None:
    """The caller's object shows what was saved."""
    for veld in bron._meta.concrete_fields:
        setattr(doel, veld.attname, getattr(bron, veld.attname))


@transaction.atomic
def leg_antwoord_vast(antwoord: Antwoord, door: User | None, versie: int, tekst: str) -> bool:
    """Save an answer as its next version; the text it replaces stays in its history.
    Returns whether anything changed: saving the same text again leaves no history row."""
    huidig = _vergrendel_open(
        Antwoord.objects.select_related("gesprek"), antwoord.pk, versie, lambda a: a.gesprek
    )
    if huidig.tekst == tekst:
        return False
    huidig.tekst, huidig.bijgewerkt_op = tekst, timezone.now()
    leg_versie_vast(huidig, door=door, reden=REDEN_ANTWOORD)
    return True


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
    # Locked, so it is not completed, nor its top 3 filled, while these are recorded.
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
        afspraak = Afspraak(
            gesprek=huidig,
            basisteam_id=huidig.basisteam_id,
            vraag=vraag,
            omschrijving=regel["omschrijving"],
            opgave=regel.get("opgave"),
            eigenaar=regel.get("eigenaar", ""),
            streefdatum=regel.get("streefdatum"),
        )
        afspraak._opgevolgd_in = huidig
        bewaar_nieuw(afspraak, door=door, reden=REDEN_AFSPRAAK_GEMAAKT)
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
    huidig = vergrendel(Afspraak.objects.all(), afspraak.pk, versie)
    gewijzigd = _wijzigingen(huidig, velden)
    if not gewijzigd:
        return False
    # Changing what was agreed locks the gesprek, so it is not completed meanwhile.
    if (
        set(gewijzigd) - set(OPVOLG_VELDEN)
        and Gesprek.objects.select_for_update().get(pk=huidig.gesprek_id).is_afgerond
    ):
        raise GesprekAfgerond
    for veld, waarde in gewijzigd.items():
        setattr(huidig, veld, waarde)
    huidig._opgevolgd_in = in_gesprek
    reden = REDEN_AFSPRAAK_BIJGEWERKT if in_gesprek is None else REDEN_AFSPRAAK_OPGEVOLGD
    leg_versie_vast(huidig, door=door, reden=reden)
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
