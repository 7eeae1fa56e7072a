"""The old histories (AntwoordVersie, AfspraakWijziging) carried over into the simple-history
tables by migration 0006, on the database the suite runs on, and back again."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

VOOR = [("gesprekken", "0005_historie")]
NA = [("gesprekken", "0006_historie_overnemen")]

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _migreer(naar) -> object:
    """Migrate to `naar`; returns the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.migrate(naar)
    executor.loader.build_graph()
    return executor.loader.project_state(naar).apps


def _laatste() -> list:
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def oud():
    """The database as it was before 0006, with a gesprek, an answer with two earlier
    texts, and an afspraak recorded in it and followed up in a later gesprek."""
    apps = _migreer(VOOR)
    try:
        yield apps, _vul(apps)
    finally:
        _migreer(_laatste())


def _vul(apps) -> dict:
    User = apps.get_model("teams", "User")
    Eenheid = apps.get_model("teams", "Eenheid")
    Basisteam = apps.get_model("teams", "Basisteam")
    Leidraad = apps.get_model("opgaven", "Gespreksleidraad")
    Vraag = apps.get_model("opgaven", "Gespreksvraag")
    Gesprek = apps.get_model("gesprekken", "Gesprek")
    Antwoord = apps.get_model("gesprekken", "Antwoord")
    AntwoordVersie = apps.get_model("gesprekken", "AntwoordVersie")
    Afspraak = apps.get_model("gesprekken", "Afspraak")
    AfspraakWijziging = apps.get_model("gesprekken", "AfspraakWijziging")

    gijs = User.objects.create(email="gijs@politie.test", naam="Gijs")
    tom = User.objects.create(email="tom@politie.test", naam="Tom")
    eenheid = Eenheid.objects.create(naam="Proef", code="PR", slug="proef")
    team = Basisteam.objects.create(
        naam="Proefteam", slug="proefteam", code="PR-1", eenheid=eenheid
    )
    leidraad = Leidraad.objects.create(naam="Proef", slug="proef-migratie")
    vraag = Vraag.objects.create(leidraad=leidraad, tekst="Hoe gaat het?", volgorde=1)
    gesprek, later = (
        Gesprek.objects.create(
            basisteam=team, titel=titel, datum=datum, leidraad=leidraad, versie=1
        )
        for titel, datum in [
            ("Voorjaar", datetime.date(2026, 3, 1)),
            ("Najaar", datetime.date(2026, 9, 1)),
        ]
    )
    t = [timezone.now() - datetime.timedelta(days=10 - n) for n in range(6)]
    antwoord = Antwoord.objects.create(
        gesprek=gesprek,
        vraag=vraag,
        vraag_tekst=vraag.tekst,
        volgorde=1,
        tekst="Derde",
        versie=4,
        bijgewerkt_door=tom,
        bijgewerkt_op=t[2],
    )
    for tekst, door, op, vervanger, vervangen in [
        ("Eerste", gijs, t[0], tom, t[1]),
        ("Tweede", tom, t[1], tom, t[2]),
    ]:
        AntwoordVersie.objects.create(
            antwoord=antwoord,
            tekst=tekst,
            door=door,
            op=op,
            vervangen_door=vervanger,
            vervangen_op=vervangen,
        )
    onbeantwoord = Antwoord.objects.create(
        gesprek=later, vraag=vraag, vraag_tekst=vraag.tekst, volgorde=1
    )
    afspraak = Afspraak.objects.create(
        gesprek=gesprek,
        basisteam=team,
        omschrijving="Wijkschouw",
        status="klaar",
        versie=3,
        aangemaakt_door=gijs,
        bijgewerkt_door=tom,
    )
    for actie, status, gesprek_van, door, op in [
        ("aangemaakt", "open", gesprek, gijs, t[3]),
        ("gewijzigd", "loopt", None, tom, t[4]),
        ("gewijzigd", "klaar", later, tom, t[5]),
    ]:
        AfspraakWijziging.objects.create(
            afspraak=afspraak,
            actie=actie,
            omschrijving="Wijkschouw",
            status=status,
            gesprek=gesprek_van,
            door=door,
            op=op,
        )
    return {
        "antwoord": antwoord.pk,
        "onbeantwoord": onbeantwoord.pk,
        "afspraak": afspraak.pk,
        "gesprek": gesprek.pk,
        "later": later.pk,
        "gijs": gijs.pk,
        "tom": tom.pk,
        "t": t,
    }


def test_the_old_histories_are_carried_over(oud):
    _apps, ids = oud
    apps = _migreer(NA)
    t, gijs, tom = ids["t"], ids["gijs"], ids["tom"]
    Antwoord = apps.get_model("gesprekken", "HistoricalAntwoord")
    rijen = Antwoord.objects.filter(id=ids["antwoord"]).order_by("history_date", "history_id")
    assert [
        (r.tekst, r.versie, r.history_type, r.history_user_id, r.history_date) for r in rijen
    ] == [
        ("Eerste", 2, "+", gijs, t[0]),
        ("Tweede", 3, "~", tom, t[1]),
        ("Derde", 4, "~", tom, t[2]),  # the current text, last
    ]
    assert all(r.history_change_reason for r in rijen)
    assert {r.history_relation_id for r in rijen} == {ids["antwoord"]}
    assert not Antwoord.objects.filter(id=ids["onbeantwoord"]).exists()

    Afspraak = apps.get_model("gesprekken", "HistoricalAfspraak")
    rijen = Afspraak.objects.filter(id=ids["afspraak"]).order_by("history_date", "history_id")
    assert [
        (
            r.status,
            r.versie,
            r.history_type,
            r.history_user_id,
            r.history_date,
            r.opgevolgd_in_id,
        )
        for r in rijen
    ] == [
        ("open", 1, "+", gijs, t[3], ids["gesprek"]),
        ("loopt", 2, "~", tom, t[4], None),
        ("klaar", 3, "~", tom, t[5], ids["later"]),
    ]
    assert all(r.history_change_reason for r in rijen)


def test_the_carried_over_history_reads_as_before(oud):
    """On the pages' terms: the earlier versions of the answer, and what carries over."""
    _apps, ids = oud
    _migreer(_laatste())
    from gesprekken.models import Afspraak, Antwoord, Gesprek

    antwoord = Antwoord.objects.get(pk=ids["antwoord"])
    assert [(v.tekst, v.door.naam, v.vervangen_door.naam) for v in antwoord.eerdere_versies()] == [
        ("Tweede", "Tom", "Tom"),
        ("Eerste", "Gijs", "Tom"),
    ]
    later = Gesprek.objects.get(pk=ids["later"])
    # Done, but followed up in the later gesprek: still shown there.
    assert list(Afspraak.objects.uit_eerdere_gesprekken(later).values_list("pk", flat=True)) == [
        ids["afspraak"]
    ]


def test_the_migration_goes_back(oud):
    apps_voor, _ids = oud
    oude_versies = list(
        apps_voor.get_model("gesprekken", "AntwoordVersie")
        .objects.order_by("op")
        .values_list("tekst", "door_id", "op", "vervangen_door_id", "vervangen_op")
    )
    oude_regels = list(
        apps_voor.get_model("gesprekken", "AfspraakWijziging")
        .objects.order_by("op")
        .values_list("actie", "status", "gesprek_id", "door_id", "op")
    )
    _migreer(NA)
    apps_voor.get_model("gesprekken", "AntwoordVersie").objects.all().delete()
    apps_voor.get_model("gesprekken", "AfspraakWijziging").objects.all().delete()
    apps = _migreer(VOOR)
    versies = apps.get_model("gesprekken", "AntwoordVersie").objects.order_by("op")
    assert (
        list(versies.values_list("tekst", "door_id", "op", "vervangen_door_id", "vervangen_op"))
        == oude_versies
    )
    regels = apps.get_model("gesprekken", "AfspraakWijziging").objects.order_by("op")
    assert list(regels.values_list("actie", "status", "gesprek_id", "door_id", "op")) == (
        oude_regels
    )
    assert not apps.get_model("gesprekken", "HistoricalAntwoord").objects.exists()
