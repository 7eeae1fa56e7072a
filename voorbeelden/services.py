"""The editorial workflow of a voorbeeld: every change of content or status is one
version, saved under a lock with who and why in its history, and only the transitions in
OVERGANGEN exist."""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.versies import bewaar_nieuw, leg_versie_vast, vergrendel
from teams.models import Basisteam, User

from .models import Bericht, Partner, Redactiestatus, Toepassing, Voorbeeld
from .tasks import meld_beoordeling, stuur_vraag

# Saved together with the voorbeeld, in its transaction: the form's many-to-many fields.
Koppelingen = Callable[[], None] | None


class OngeldigeOvergang(Exception):
    pass


def partner_met_naam(naam: str, soort: str) -> Partner:
    """The partner called `naam`, whatever its capitals; a new one of `soort` when there
    is none yet. Two spellings that still differ are merged by the redactie in the admin."""
    bestaand = Partner.objects.filter(naam__iexact=naam).first()
    if bestaand is not None:
        return bestaand
    # get_or_create: someone may add the same name at the same moment (naam is unique).
    return Partner.objects.get_or_create(naam=naam, defaults={"soort": soort})[0]


def _koppel(voorbeeld: Voorbeeld, koppelingen: Koppelingen, nieuwe_partner: Partner | None):
    if koppelingen:
        koppelingen()
    if nieuwe_partner is not None:
        voorbeeld.partners.add(partner_met_naam(nieuwe_partner.naam, nieuwe_partner.soort))


@transaction.atomic
def maak_aan(
    voorbeeld: Voorbeeld,
    door: User,
    *,
    indienen: bool,
    koppelingen: Koppelingen = None,
    nieuwe_partner: Partner | None = None,
) -> Voorbeeld:
    """A colleague's new voorbeeld, saved as concept or submitted straight away. The form
    has already set its fields; `koppelingen` saves its many-to-many fields and
    `nieuwe_partner` (unsaved) is a partner the author typed that was not in the list."""
    voorbeeld.auteur = door
    voorbeeld.contactpersoon = voorbeeld.contactpersoon or door
    voorbeeld.redactiestatus = Redactiestatus.INGEDIEND if indienen else Redactiestatus.CONCEPT
    bewaar_nieuw(voorbeeld, door=door, reden=_("submitted") if indienen else _("saved as draft"))
    _koppel(voorbeeld, koppelingen, nieuwe_partner)
    return voorbeeld


@transaction.atomic
def werk_bij(
    voorbeeld: Voorbeeld,
    door: User,
    gelezen_versie: int | None,
    *,
    indienen: bool,
    koppelingen: Koppelingen = None,
    nieuwe_partner: Partner | None = None,
) -> None:
    """Save the author's edit (the form has set `voorbeeld`'s fields) unless someone saved
    since `gelezen_versie` was read: then `core.versies.Conflict`. Submitting is checked
    against the status under the lock."""
    huidig = vergrendel(Voorbeeld.objects.all(), voorbeeld.pk, gelezen_versie)
    voorbeeld.versie = huidig.versie
    if indienen and huidig.mag_naar(Redactiestatus.INGEDIEND):
        voorbeeld.redactiestatus = Redactiestatus.INGEDIEND
    leg_versie_vast(voorbeeld, door=door, reden=_("submitted") if indienen else _("edited"))
    _koppel(voorbeeld, koppelingen, nieuwe_partner)


@transaction.atomic
def zet_status(voorbeeld: Voorbeeld, nieuw: str, door: User, reden: str = "") -> None:
    """Move the voorbeeld to status `nieuw`: a new version with the status as its reason.
    The transition is checked against the status under the lock, so two reviewers cannot
    both decide; `voorbeeld` is brought up to date."""
    huidig = Voorbeeld.objects.select_for_update().get(pk=voorbeeld.pk)
    if not huidig.mag_naar(nieuw):
        raise OngeldigeOvergang(f"{huidig.redactiestatus} → {nieuw}")
    if nieuw == Redactiestatus.AFGEWEZEN and not reden.strip():
        raise OngeldigeOvergang("a rejection needs a reason")
    nu = timezone.now()
    huidig.redactiestatus = nieuw
    if nieuw in {Redactiestatus.GEPUBLICEERD, Redactiestatus.AFGEWEZEN}:
        huidig.beoordeeld_door, huidig.beoordeeld_op = door, nu
        huidig.afwijzingsreden = reden.strip() if nieuw == Redactiestatus.AFGEWEZEN else ""
    if nieuw == Redactiestatus.GEPUBLICEERD and huidig.gepubliceerd_op is None:
        huidig.gepubliceerd_op = nu
    leg_versie_vast(huidig, door=door, reden=Redactiestatus(nieuw).label)
    for veld in huidig._meta.concrete_fields:
        setattr(voorbeeld, veld.attname, getattr(huidig, veld.attname))
    if nieuw in {Redactiestatus.GEPUBLICEERD, Redactiestatus.AFGEWEZEN}:
        # After the commit, so the worker never sees a decision that was rolled back.
        transaction.on_commit(lambda: meld_beoordeling.enqueue(huidig.pk))


def pas_toe(voorbeeld: Voorbeeld, team: Basisteam, door: User) -> bool:
    """Record that `team` applies the voorbeeld; False if it already did."""
    _toepassing, nieuw = Toepassing.objects.get_or_create(
        voorbeeld=voorbeeld, basisteam=team, defaults={"door": door}
    )
    return nieuw


def pas_niet_meer_toe(voorbeeld: Voorbeeld, team: Basisteam) -> bool:
    """Undo `pas_toe` for `team`; False if it had not recorded it."""
    aantal, _per_model = Toepassing.objects.filter(voorbeeld=voorbeeld, basisteam=team).delete()
    return aantal > 0


@transaction.atomic
def voeg_partners_samen(doel: Partner, anderen) -> int:
    """Merge the partners `anderen` into `doel`: their voorbeelden get `doel`, and they
    are deleted. Returns how many were merged. The link table changes, not the voorbeeld:
    no version of a voorbeeld is made."""
    anderen = list(anderen.exclude(pk=doel.pk))
    Koppeling = Voorbeeld.partners.through
    voorbeelden = (
        Koppeling.objects.filter(partner__in=anderen)
        .exclude(voorbeeld__partners=doel)
        .values_list("voorbeeld_id", flat=True)
        .distinct()
    )
    Koppeling.objects.bulk_create(
        [Koppeling(voorbeeld_id=pk, partner=doel) for pk in voorbeelden], ignore_conflicts=True
    )
    Partner.objects.filter(pk__in=[p.pk for p in anderen]).delete()
    return len(anderen)


class GeenVraag(Exception):
    """A reply answers a question of the same voorbeeld, never another reply."""


@transaction.atomic
def stel_vraag(voorbeeld: Voorbeeld, door: User, tekst: str) -> Bericht:
    """A colleague's question under the voorbeeld, for everyone logged in to read. The
    one who answers it (`Voorbeeld.beantwoorder`) is e-mailed after the commit; a send that
    fails is the task's failure, never the page's."""
    vraag = Bericht(voorbeeld=voorbeeld, tekst=tekst)
    bewaar_nieuw(vraag, door=door, reden=_("asked"))
    transaction.on_commit(lambda: stuur_vraag.enqueue(vraag.pk))
    return vraag


def reageer(vraag: Bericht, door: User, tekst: str) -> Bericht:
    """A reply to `vraag`, from the contact person or any other colleague."""
    if not vraag.is_vraag:
        raise GeenVraag
    reactie = Bericht(voorbeeld_id=vraag.voorbeeld_id, vraag=vraag, tekst=tekst)
    bewaar_nieuw(reactie, door=door, reden=_("replied"))
    return reactie


@transaction.atomic
def verberg(bericht: Bericht, door: User, reden: str) -> bool:
    """Hide the message from colleagues; the reason is kept on it and in its history with
    who hid it. False if it was hidden already."""
    reden = reden.strip()
    if not reden:
        raise ValueError("hiding a message needs a reason")
    huidig = Bericht.objects.select_for_update().get(pk=bericht.pk)
    if huidig.verborgen:
        return False
    huidig.verborgen, huidig.verborgen_reden = True, reden
    leg_versie_vast(huidig, door=door, reden=reden)
    bericht.verborgen, bericht.verborgen_reden, bericht.versie = True, reden, huidig.versie
    return True
