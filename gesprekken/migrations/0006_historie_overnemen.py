"""Carry the old histories over into the simple-history tables.

- `AntwoordVersie`: each earlier text of an answer becomes a history row with its author and
  time, followed by a row for the current text (by whoever saved it last, when).
- `AfspraakWijziging`: each line becomes a history row with its author and time, `+` for
  “aangemaakt” and `~` for “gewijzigd”, and the gesprek it was made in (`opgevolgd_in`).

The reverse rebuilds the old lines from the history rows.
"""

from collections import defaultdict
from itertools import pairwise

from django.db import migrations
from django.db.models import Q
from django.utils.translation import gettext

PER_KEER = 1000

# The reasons the services give (gesprekken.services), in the catalogue's language.
REDEN_ANTWOORD = "answer recorded"
REDEN_AFSPRAAK_GEMAAKT = "afspraak recorded"
REDEN_AFSPRAAK_BIJGEWERKT = "afspraak changed"
REDEN_AFSPRAAK_OPGEVOLGD = "afspraak followed up in a gesprek"


def _bewaar(model, rijen: list) -> None:
    model.objects.bulk_create(rijen, batch_size=PER_KEER)
    rijen.clear()


def _antwoorden_over(apps) -> None:
    Antwoord = apps.get_model("gesprekken", "Antwoord")
    AntwoordVersie = apps.get_model("gesprekken", "AntwoordVersie")
    Historisch = apps.get_model("gesprekken", "HistoricalAntwoord")
    versies = defaultdict(list)
    for versie in AntwoordVersie.objects.order_by("op", "pk").iterator(chunk_size=PER_KEER):
        versies[versie.antwoord_id].append(versie)
    reden = gettext(REDEN_ANTWOORD)
    rijen = []
    opgeslagen = Antwoord.objects.filter(Q(bijgewerkt_op__isnull=False) | Q(versies__isnull=False))
    for antwoord in opgeslagen.distinct().order_by("pk").iterator(chunk_size=PER_KEER):
        eerder = versies.get(antwoord.pk, [])
        vast = {
            "id": antwoord.pk,
            "history_relation_id": antwoord.pk,
            "gesprek_id": antwoord.gesprek_id,
            "vraag_id": antwoord.vraag_id,
            "vraag_tekst": antwoord.vraag_tekst,
            "vraag_toelichting": antwoord.vraag_toelichting,
            "soort": antwoord.soort,
            "volgorde": antwoord.volgorde,
            "history_change_reason": reden,
        }
        staten = [(v.tekst, v.door_id, v.op) for v in eerder]
        laatste = eerder[-1] if eerder else None
        staten.append(
            (
                antwoord.tekst,
                antwoord.bijgewerkt_door_id or (laatste and laatste.vervangen_door_id),
                antwoord.bijgewerkt_op or laatste.vervangen_op,
            )
        )
        eerste_versie = antwoord.versie - len(staten) + 1
        for nummer, (tekst, door_id, op) in enumerate(staten):
            rijen.append(
                Historisch(
                    **vast,
                    tekst=tekst,
                    versie=max(eerste_versie + nummer, 1),
                    bijgewerkt_door_id=door_id,
                    bijgewerkt_op=op,
                    history_user_id=door_id,
                    history_date=op,
                    history_type="+" if nummer == 0 else "~",
                )
            )
        if len(rijen) >= PER_KEER:
            _bewaar(Historisch, rijen)
    _bewaar(Historisch, rijen)


def _afspraken_over(apps) -> None:
    Afspraak = apps.get_model("gesprekken", "Afspraak")
    AfspraakWijziging = apps.get_model("gesprekken", "AfspraakWijziging")
    Historisch = apps.get_model("gesprekken", "HistoricalAfspraak")
    regels = defaultdict(list)
    for regel in AfspraakWijziging.objects.order_by("op", "pk").iterator(chunk_size=PER_KEER):
        regels[regel.afspraak_id].append(regel)
    redenen = {
        "aangemaakt": gettext(REDEN_AFSPRAAK_GEMAAKT),
        "gewijzigd": gettext(REDEN_AFSPRAAK_BIJGEWERKT),
        "opgevolgd": gettext(REDEN_AFSPRAAK_OPGEVOLGD),
    }
    rijen = []
    met_regels = Afspraak.objects.filter(wijzigingen__isnull=False).distinct().order_by("pk")
    for afspraak in met_regels.iterator(chunk_size=PER_KEER):
        eigen = regels[afspraak.pk]
        for nummer, regel in enumerate(eigen):
            opgevolgd = regel.gesprek_id not in (None, afspraak.gesprek_id)
            rijen.append(
                Historisch(
                    id=afspraak.pk,
                    history_relation_id=afspraak.pk,
                    gesprek_id=afspraak.gesprek_id,
                    basisteam_id=afspraak.basisteam_id,
                    vraag_id=afspraak.vraag_id,
                    aangemaakt_door_id=afspraak.aangemaakt_door_id,
                    aangemaakt_op=afspraak.aangemaakt_op,
                    omschrijving=regel.omschrijving,
                    opgave_id=regel.opgave_id,
                    eigenaar=regel.eigenaar,
                    streefdatum=regel.streefdatum,
                    status=regel.status,
                    versie=max(afspraak.versie - len(eigen) + 1 + nummer, 1),
                    bijgewerkt_door_id=regel.door_id,
                    bijgewerkt_op=regel.op,
                    opgevolgd_in_id=regel.gesprek_id,
                    history_user_id=regel.door_id,
                    history_date=regel.op,
                    history_type="+" if regel.actie == "aangemaakt" else "~",
                    history_change_reason=redenen[
                        "opgevolgd" if opgevolgd and regel.actie != "aangemaakt" else regel.actie
                    ],
                )
            )
        if len(rijen) >= PER_KEER:
            _bewaar(Historisch, rijen)
    _bewaar(Historisch, rijen)


def neem_over(apps, schema_editor) -> None:
    _antwoorden_over(apps)
    _afspraken_over(apps)


def zet_terug(apps, schema_editor) -> None:
    """The old lines again, from the history rows of answers and afspraken that exist."""
    Antwoord = apps.get_model("gesprekken", "Antwoord")
    AntwoordVersie = apps.get_model("gesprekken", "AntwoordVersie")
    Afspraak = apps.get_model("gesprekken", "Afspraak")
    AfspraakWijziging = apps.get_model("gesprekken", "AfspraakWijziging")
    HistorischAntwoord = apps.get_model("gesprekken", "HistoricalAntwoord")
    HistorischAfspraak = apps.get_model("gesprekken", "HistoricalAfspraak")

    antwoorden = set(Antwoord.objects.values_list("pk", flat=True))
    per_antwoord = defaultdict(list)
    for rij in HistorischAntwoord.objects.order_by("history_date", "history_id").iterator():
        if rij.id in antwoorden:
            per_antwoord[rij.id].append(rij)
    versies = [
        AntwoordVersie(
            antwoord_id=rij.id,
            tekst=rij.tekst,
            door_id=rij.history_user_id,
            op=rij.history_date,
            vervangen_door_id=later.history_user_id,
            vervangen_op=later.history_date,
        )
        for rijen in per_antwoord.values()
        for rij, later in pairwise(rijen)
    ]
    AntwoordVersie.objects.bulk_create(versies, batch_size=PER_KEER)

    afspraken = set(Afspraak.objects.values_list("pk", flat=True))
    regels = [
        AfspraakWijziging(
            afspraak_id=rij.id,
            actie="aangemaakt" if rij.history_type == "+" else "gewijzigd",
            omschrijving=rij.omschrijving,
            opgave_id=rij.opgave_id,
            eigenaar=rij.eigenaar,
            streefdatum=rij.streefdatum,
            status=rij.status,
            gesprek_id=rij.opgevolgd_in_id,
            door_id=rij.history_user_id,
            op=rij.history_date,
        )
        for rij in HistorischAfspraak.objects.order_by("history_date", "history_id").iterator()
        if rij.id in afspraken and rij.history_type in "+~"
    ]
    AfspraakWijziging.objects.bulk_create(regels, batch_size=PER_KEER)
    HistorischAntwoord.objects.all().delete()
    HistorischAfspraak.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("gesprekken", "0005_historie")]

    operations = [migrations.RunPython(neem_over, zet_terug)]
