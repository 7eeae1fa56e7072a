"""The data migration that turns the AgendaWijziging lines into the history of the agenda
items, run for real on the test database (SQLite and PostgreSQL): back to before it, old
lines in, forward again, and back once more through its reverse."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from opgaven.models import AgendaPunt, Opgave
from opgaven.services import zet_op_agenda
from teams.models import Basisteam

VOOR = [("opgaven", "0005_historie_teamagenda")]
NA = [("opgaven", "0007_delete_agendawijziging")]
BEGIN = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
HISTORIE = AgendaPunt.history.model


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


def _oude_regels(apps) -> dict:
    """A team agenda as the old services left it: lines per change, items still there or
    gone, one subject added and removed twice before it came back for good."""
    User = apps.get_model("teams", "User")
    Eenheid = apps.get_model("teams", "Eenheid")
    Basisteam = apps.get_model("teams", "Basisteam")
    Opgave = apps.get_model("opgaven", "Opgave")
    AgendaPunt = apps.get_model("opgaven", "AgendaPunt")
    AgendaWijziging = apps.get_model("opgaven", "AgendaWijziging")
    chef = User.objects.create(email="chef@politie.test", naam="Tom Teamchef", password="")
    team = Basisteam.objects.create(
        naam="Basisteam Zwolle", slug="zwolle", code="ON-ZW", eenheid=Eenheid.objects.first()
    )
    zes, twee = Opgave.objects.get(nummer=6), Opgave.objects.get(nummer=2)
    punt = twee.aandachtspunten.order_by("pk").first()
    zes_naam = f"{zes.nummer}. {zes.titel}"

    nog_daar = AgendaPunt.objects.create(basisteam=team, opgave=zes, fase="verankerd")
    zonder_regels = AgendaPunt.objects.create(basisteam=team, opgave=twee)
    regels = [
        # opgave 6: on, off, and on again for good
        ("toegevoegd", zes_naam, "verkennen", ""),
        ("verwijderd", zes_naam, "verkennen", ""),
        ("toegevoegd", zes_naam, "verkennen", "Opnieuw"),
        ("gewijzigd", zes_naam, "verankerd", "Clusters staan."),
        # an aandachtspunt that is gone from the agenda
        ("toegevoegd", punt.tekst, "verkennen", ""),
        ("gewijzigd", punt.tekst, "aan_de_slag", "Bezig"),
        ("verwijderd", punt.tekst, "aan_de_slag", "Bezig"),
        # a subject nothing answers to any more
        ("toegevoegd", "Een oude tekst", "verkennen", ""),
    ]
    for n, (actie, onderwerp, fase, notitie) in enumerate(regels):
        regel = AgendaWijziging.objects.create(
            basisteam=team, actie=actie, onderwerp=onderwerp, fase=fase, notitie=notitie, door=chef
        )
        AgendaWijziging.objects.filter(pk=regel.pk).update(op=BEGIN + timedelta(hours=n))
    return {
        "team": team.pk,
        "chef": chef.pk,
        "nog_daar": nog_daar.pk,
        "zonder_regels": zonder_regels.pk,
        "zes": zes_naam,
        "punt": punt,
    }


def _rijen(**filter) -> list[tuple]:
    return list(
        HISTORIE.objects.filter(**filter)
        .order_by("history_date", "history_id")
        .values_list("id", "history_type", "versie", "fase", "notitie", "history_date")
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_line_becomes_a_history_row_of_its_item_and_back():
    oud = _oude_regels(_migreer(VOOR))
    _migreer(NA)

    # The item on the agenda now has the last stretch of its subject, and its version.
    assert _rijen(id=oud["nog_daar"]) == [
        (oud["nog_daar"], "+", 1, "verkennen", "Opnieuw", BEGIN + timedelta(hours=2)),
        (oud["nog_daar"], "~", 2, "verankerd", "Clusters staan.", BEGIN + timedelta(hours=3)),
    ]
    assert AgendaPunt.objects.get(pk=oud["nog_daar"]).versie == 2
    assert AgendaPunt.objects.get(pk=oud["zonder_regels"]).versie == 1
    assert not _rijen(id=oud["zonder_regels"])

    # Every other stretch is an item of its own, under an id no item will ever get.
    alle = _rijen(basisteam_id=oud["team"])
    assert len(alle) == 8
    # Who and why, on every row.
    assert set(
        HISTORIE.objects.filter(basisteam_id=oud["team"]).values_list("history_user_id", flat=True)
    ) == {oud["chef"]}
    assert not HISTORIE.objects.filter(history_change_reason__isnull=True).exists()
    gereserveerd = {rij[0] for rij in alle} - {oud["nog_daar"]}
    assert len(gereserveerd) == 3
    assert not AgendaPunt.objects.filter(pk__in=gereserveerd).exists()
    nieuw = zet_op_agenda(
        Basisteam.objects.get(pk=oud["team"]), None, Opgave.objects.get(nummer=1)
    )
    assert nieuw.pk > max(gereserveerd)

    eerder = [rij for rij in alle if rij[5] < BEGIN + timedelta(hours=2)]
    assert [(r[1], r[2]) for r in eerder] == [("+", 1), ("-", 1)]
    assert len({r[0] for r in eerder}) == 1
    weg = HISTORIE.objects.filter(onderwerp=oud["punt"].tekst).order_by("history_date")
    assert [(r.history_type, r.versie, r.fase) for r in weg] == [
        ("+", 1, "verkennen"),
        ("~", 2, "aan_de_slag"),
        ("-", 2, "aan_de_slag"),
    ]
    assert {(r.opgave_id, r.aandachtspunt_id) for r in weg} == {
        (oud["punt"].opgave_id, oud["punt"].pk)
    }
    onbekend = HISTORIE.objects.get(onderwerp="Een oude tekst")
    assert (onbekend.history_type, onbekend.opgave_id) == ("+", None)

    # The reverse gives the lines back.
    apps = _migreer(VOOR)
    AgendaWijziging = apps.get_model("opgaven", "AgendaWijziging")
    assert list(
        AgendaWijziging.objects.filter(basisteam_id=oud["team"])
        .order_by("op", "pk")
        .values_list("actie", "onderwerp", "op")
    )[:4] == [
        ("toegevoegd", oud["zes"], BEGIN),
        ("verwijderd", oud["zes"], BEGIN + timedelta(hours=1)),
        ("toegevoegd", oud["zes"], BEGIN + timedelta(hours=2)),
        ("gewijzigd", oud["zes"], BEGIN + timedelta(hours=3)),
    ]
    # …and the line of the item added since.
    assert AgendaWijziging.objects.filter(basisteam_id=oud["team"]).count() == 9
    _migreer(NA)
