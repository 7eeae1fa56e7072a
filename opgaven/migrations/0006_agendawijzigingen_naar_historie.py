"""Every AgendaWijziging line becomes a row of its item's history: toegevoegd '+',
gewijzigd '~', verwijderd '-', with its stage, note, subject, who (`door`) and when (`op`).

The item is found from the team and the subject as the line kept it (the aandachtspunt's
text, or the opgave as “nummer. titel”). A subject may have been put on the agenda and taken
off again more than once: each stretch from adding to removing was an item of its own. The
last open stretch belongs to the item on the agenda now; every other stretch, and one whose
item is gone, gets an id of its own that no item can ever have: a real item is created and
deleted again, so the table's sequence moves past it. The items on the agenda now take the
version their history reached. The reverse writes the history back as lines."""

from collections import defaultdict

from django.conf import settings
from django.db import migrations
from django.utils import translation

SOORT = {"toegevoegd": "+", "gewijzigd": "~", "verwijderd": "-"}
ACTIE = {soort: actie for actie, soort in SOORT.items()}
# The reasons opgaven.services records, in the site's language as a request would.
REDEN = {
    "+": "put on the team agenda",
    "~": "team agenda item changed",
    "-": "taken off the team agenda",
}


def _redenen() -> dict[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        return {soort: translation.gettext(msgid) for soort, msgid in REDEN.items()}


def _stukken(regels: list) -> list[list]:
    """The lines of one team and subject, cut where an item began or ended."""
    stukken, stuk = [], []
    for regel in regels:
        if regel.actie == "toegevoegd" and stuk:
            stukken.append(stuk)
            stuk = []
        stuk.append(regel)
        if regel.actie == "verwijderd":
            stukken.append(stuk)
            stuk = []
    if stuk:
        stukken.append(stuk)
    return stukken


def _reserveer_id(AgendaPunt, team_id: int, kandidaten: list[tuple[int, int | None]]) -> int:
    """An id no item will ever get: a real item, created and deleted again. It takes the
    first subject not on the team's agenda now, so the unique constraints hold."""
    bezet = set(
        AgendaPunt.objects.filter(basisteam_id=team_id).values_list(
            "opgave_id", "aandachtspunt_id"
        )
    )
    for opgave_id, punt_id in kandidaten:
        if opgave_id is not None and (opgave_id, punt_id) not in bezet:
            punt = AgendaPunt.objects.create(
                basisteam_id=team_id, opgave_id=opgave_id, aandachtspunt_id=punt_id
            )
            pk = punt.pk
            punt.delete()
            return pk
    raise RuntimeError(f"no free subject on the agenda of basisteam {team_id} to reserve an id")


def naar_historie(apps, schema_editor):
    AgendaPunt = apps.get_model("opgaven", "AgendaPunt")
    AgendaWijziging = apps.get_model("opgaven", "AgendaWijziging")
    Historie = apps.get_model("opgaven", "HistoricalAgendaPunt")
    Opgave = apps.get_model("opgaven", "Opgave")
    Aandachtspunt = apps.get_model("opgaven", "Aandachtspunt")
    redenen = _redenen()

    naam = {o.pk: f"{o.nummer}. {o.titel}" for o in Opgave.objects.all()}
    # What a subject refers to, for the history of items that are gone.
    onderwerpen = {tekst: (pk, None) for pk, tekst in naam.items()}
    punten = list(Aandachtspunt.objects.order_by("pk"))
    for punt in punten:
        onderwerpen.setdefault(punt.tekst, (punt.opgave_id, punt.pk))
    alle = [(pk, None) for pk in naam] + [(p.opgave_id, p.pk) for p in punten]

    levend = {}
    for punt in AgendaPunt.objects.select_related("aandachtspunt"):
        tekst = punt.aandachtspunt.tekst if punt.aandachtspunt_id else naam[punt.opgave_id]
        levend[(punt.basisteam_id, tekst)] = punt

    reeksen = defaultdict(list)
    for regel in AgendaWijziging.objects.order_by("op", "pk"):
        reeksen[(regel.basisteam_id, regel.onderwerp)].append(regel)

    rijen = []
    for (team_id, tekst), regels in reeksen.items():
        stukken = _stukken(regels)
        for stuk in stukken:
            open_einde = stuk is stukken[-1] and stuk[-1].actie != "verwijderd"
            punt = levend.pop((team_id, tekst), None) if open_einde else None
            if punt is not None:
                pk, opgave_id, punt_id = punt.pk, punt.opgave_id, punt.aandachtspunt_id
            else:
                opgave_id, punt_id = onderwerpen.get(tekst, (None, None))
                pk = _reserveer_id(AgendaPunt, team_id, [(opgave_id, punt_id), *alle])
            versie = 0
            for regel in stuk:
                soort = SOORT[regel.actie]
                if soort != "-":
                    versie += 1
                rijen.append(
                    Historie(
                        id=pk,
                        history_relation_id=pk,
                        basisteam_id=team_id,
                        opgave_id=opgave_id,
                        aandachtspunt_id=punt_id,
                        onderwerp=regel.onderwerp,
                        fase=regel.fase,
                        notitie=regel.notitie,
                        versie=max(versie, 1),
                        bijgewerkt_door_id=regel.door_id,
                        bijgewerkt_op=regel.op,
                        history_type=soort,
                        history_date=regel.op,
                        history_user_id=regel.door_id,
                        history_change_reason=redenen[soort],
                    )
                )
            if punt is not None:
                AgendaPunt.objects.filter(pk=pk).update(versie=max(versie, 1))
    Historie.objects.bulk_create(rijen, batch_size=500)


def naar_wijzigingen(apps, schema_editor):
    AgendaWijziging = apps.get_model("opgaven", "AgendaWijziging")
    Historie = apps.get_model("opgaven", "HistoricalAgendaPunt")
    Basisteam = apps.get_model("teams", "Basisteam")
    # The lines keep the date of the history, not the date of this migration.
    AgendaWijziging._meta.get_field("op").auto_now_add = False
    teams = set(Basisteam.objects.values_list("pk", flat=True))
    AgendaWijziging.objects.bulk_create(
        (
            AgendaWijziging(
                basisteam_id=rij.basisteam_id,
                actie=ACTIE[rij.history_type],
                onderwerp=rij.onderwerp,
                fase=rij.fase,
                notitie=rij.notitie,
                door_id=rij.history_user_id,
                op=rij.history_date,
            )
            for rij in Historie.objects.order_by("history_date", "history_id")
            if rij.basisteam_id in teams
        ),
        batch_size=500,
    )
    Historie.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("opgaven", "0005_historie_teamagenda"),
        ("teams", "0006_email_uniek_melding"),
    ]

    operations = [migrations.RunPython(naar_historie, naar_wijzigingen)]
