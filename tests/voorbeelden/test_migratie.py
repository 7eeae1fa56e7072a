"""The data migration that carries VoorbeeldVersie over into the voorbeeld's history, run
for real on the test database (SQLite and PostgreSQL): back to before it, old rows in,
forward again, and back once more through its reverse."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from voorbeelden.models import Voorbeeld

VOOR = [("voorbeelden", "0003_historie")]


# Forward to the newest migrations: the models the test reads with are today's.
def _nieuwste():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


OP = [datetime(2025, 3, d, 12, 0, tzinfo=UTC) for d in (1, 2, 3)]


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


def _oude_rijen(apps) -> tuple[int, int, int]:
    """A voorbeeld with three VoorbeeldVersie rows, as the old services wrote them."""
    User = apps.get_model("teams", "User")
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    VoorbeeldVersie = apps.get_model("voorbeelden", "VoorbeeldVersie")
    auteur = User.objects.create(email="auteur@politie.test", naam="Anna Auteur", password="")
    redacteur = User.objects.create(email="red@politie.test", naam="Rik Redacteur", password="")
    voorbeeld = Voorbeeld.objects.create(
        titel="Fietsspreekuur (herzien)",
        slug="fietsspreekuur",
        samenvatting="Nu",
        redactiestatus="gepubliceerd",
        gepubliceerd_op=OP[2],
        auteur=auteur,
        bron="Eigen ervaring",
        versie=3,
    )
    inhoud = {
        "titel": "Fietsspreekuur",
        "samenvatting": "Eerst",
        "aanleiding": "",
        "aanpak": "<p>Op de fiets.</p>",
        "resultaat": "",
        "lessen": "",
        "plaats": "Zwolle",
        "periode": "",
        "status": "loopt",
        "onderbouwing": "",
    }
    for versie, (gebeurtenis, door, status, samenvatting) in enumerate(
        [
            ("bewaard als concept", auteur, "concept", "Eerst"),
            ("ingediend", auteur, "ingediend", "Daarna"),
            ("gepubliceerd", redacteur, "gepubliceerd", "Nu"),
        ],
        start=1,
    ):
        VoorbeeldVersie.objects.create(
            voorbeeld=voorbeeld,
            versie=versie,
            gebeurtenis=gebeurtenis,
            door=door,
            op=OP[versie - 1],
            inhoud={**inhoud, "samenvatting": samenvatting, "redactiestatus": status},
        )
    return voorbeeld.pk, auteur.pk, redacteur.pk


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_version_row_becomes_a_history_row_and_back():
    pk, auteur, redacteur = _oude_rijen(_migreer(VOOR))
    apps = _migreer(_nieuwste())
    assert "voorbeeldversie" not in apps.all_models["voorbeelden"]

    rijen = list(Voorbeeld.history.filter(id=pk).order_by("history_date"))
    assert [
        (r.history_type, r.versie, r.history_user_id, r.history_date, r.history_change_reason)
        for r in rijen
    ] == [
        ("+", 1, auteur, OP[0], "bewaard als concept"),
        ("~", 2, auteur, OP[1], "ingediend"),
        ("~", 3, redacteur, OP[2], "gepubliceerd"),
    ]
    # What the row kept, from the row; the rest from the voorbeeld as it is.
    assert [(r.samenvatting, r.redactiestatus, r.titel) for r in rijen] == [
        ("Eerst", "concept", "Fietsspreekuur"),
        ("Daarna", "ingediend", "Fietsspreekuur"),
        ("Nu", "gepubliceerd", "Fietsspreekuur"),
    ]
    assert {(r.slug, r.bron, r.auteur_id, r.aanpak, r.plaats) for r in rijen} == {
        ("fietsspreekuur", "Eigen ervaring", auteur, "<p>Op de fiets.</p>", "Zwolle")
    }
    voorbeeld = Voorbeeld.objects.get(pk=pk)
    assert voorbeeld.bijgewerkt_door_id == redacteur
    assert list(voorbeeld.historie.values_list("versie", flat=True)) == [3, 2, 1]

    # The reverse gives the rows back.
    apps = _migreer([("voorbeelden", "0003_historie")])
    VoorbeeldVersie = apps.get_model("voorbeelden", "VoorbeeldVersie")
    assert list(
        VoorbeeldVersie.objects.filter(voorbeeld_id=pk)
        .order_by("op")
        .values_list("versie", "gebeurtenis", "door_id", "op")
    ) == [
        (1, "bewaard als concept", auteur, OP[0]),
        (2, "ingediend", auteur, OP[1]),
        (3, "gepubliceerd", redacteur, OP[2]),
    ]
    assert VoorbeeldVersie.objects.get(versie=2).inhoud["samenvatting"] == "Daarna"
    _migreer(_nieuwste())
