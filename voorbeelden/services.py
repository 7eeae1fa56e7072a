"""The editorial workflow of a voorbeeld: every change of content or status is one
transaction with its line in the history, and only the transitions in OVERGANGEN exist."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from teams.models import Basisteam, User

from .models import Redactiestatus, Toepassing, Voorbeeld, VoorbeeldVersie
from .tasks import meld_beoordeling

INHOUD = (
    "titel",
    "samenvatting",
    "aanleiding",
    "aanpak",
    "resultaat",
    "lessen",
    "plaats",
    "periode",
    "status",
    "onderbouwing",
)


class OngeldigeOvergang(Exception):
    pass


class Conflict(Exception):
    """Someone else saved this voorbeeld after this person started editing."""


def _leg_vast(voorbeeld: Voorbeeld, gebeurtenis: str, door: User | None) -> None:
    VoorbeeldVersie.objects.create(
        voorbeeld=voorbeeld,
        versie=voorbeeld.versie,
        gebeurtenis=gebeurtenis,
        door=door,
        inhoud={veld: getattr(voorbeeld, veld) for veld in INHOUD}
        | {"redactiestatus": voorbeeld.redactiestatus},
    )


def registreer_redactiebewerking(voorbeeld: Voorbeeld, door: User) -> None:
    """An edit the redactie made in the admin goes into the same history."""
    _leg_vast(voorbeeld, _("edited by the redactie"), door)


@transaction.atomic
def maak_aan(voorbeeld: Voorbeeld, door: User, *, indienen: bool) -> Voorbeeld:
    """A colleague's new voorbeeld, saved as concept or submitted straight away. The form
    has already set its fields; m2m relations are saved by the caller."""
    voorbeeld.auteur = door
    voorbeeld.contactpersoon = voorbeeld.contactpersoon or door
    voorbeeld.redactiestatus = Redactiestatus.INGEDIEND if indienen else Redactiestatus.CONCEPT
    voorbeeld.save()
    _leg_vast(voorbeeld, _("submitted") if indienen else _("saved as draft"), door)
    return voorbeeld


@transaction.atomic
def werk_bij(voorbeeld: Voorbeeld, door: User, gelezen_versie: int, *, indienen: bool) -> None:
    """Save the author's edit unless someone saved since `gelezen_versie` was read."""
    bijgewerkt = Voorbeeld.objects.filter(pk=voorbeeld.pk, versie=gelezen_versie).update(
        versie=F("versie") + 1
    )
    if not bijgewerkt:
        raise Conflict
    voorbeeld.versie = gelezen_versie + 1
    if indienen and voorbeeld.mag_naar(Redactiestatus.INGEDIEND):
        voorbeeld.redactiestatus = Redactiestatus.INGEDIEND
    voorbeeld.save()
    _leg_vast(voorbeeld, _("submitted") if indienen else _("edited"), door)


@transaction.atomic
def zet_status(voorbeeld: Voorbeeld, nieuw: str, door: User, reden: str = "") -> None:
    if not voorbeeld.mag_naar(nieuw):
        raise OngeldigeOvergang(f"{voorbeeld.redactiestatus} → {nieuw}")
    if nieuw == Redactiestatus.AFGEWEZEN and not reden.strip():
        raise OngeldigeOvergang("a rejection needs a reason")
    nu = timezone.now()
    voorbeeld.redactiestatus = nieuw
    if nieuw in {Redactiestatus.GEPUBLICEERD, Redactiestatus.AFGEWEZEN}:
        voorbeeld.beoordeeld_door, voorbeeld.beoordeeld_op = door, nu
        voorbeeld.afwijzingsreden = reden.strip() if nieuw == Redactiestatus.AFGEWEZEN else ""
    if nieuw == Redactiestatus.GEPUBLICEERD and voorbeeld.gepubliceerd_op is None:
        voorbeeld.gepubliceerd_op = nu
    voorbeeld.versie += 1
    voorbeeld.save()
    _leg_vast(voorbeeld, Redactiestatus(nieuw).label, door)
    if nieuw in {Redactiestatus.GEPUBLICEERD, Redactiestatus.AFGEWEZEN}:
        # After the commit, so the worker never sees a decision that was rolled back.
        transaction.on_commit(lambda: meld_beoordeling.enqueue(voorbeeld.pk))


def pas_toe(voorbeeld: Voorbeeld, team: Basisteam, door: User) -> bool:
    """Record that `team` applies the voorbeeld; False if it already did."""
    _toepassing, nieuw = Toepassing.objects.get_or_create(
        voorbeeld=voorbeeld, basisteam=team, defaults={"door": door}
    )
    return nieuw
