"""0006_tekst_zoals_getypt turns the HTML earlier versions stored back into the text as
typed, run for real on the test database (SQLite and PostgreSQL): the folder's seven and
any other voorbeeld, their history rows untouched, the detail page the same; the reverse
stores HTML again."""

import re
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from core.opmaak import als_getypt, schoon

VOOR = [("voorbeelden", "0005_delete_voorbeeldversie")]
NA = [("voorbeelden", "0006_tekst_zoals_getypt")]
VELDEN = ("aanleiding", "aanpak", "resultaat", "lessen")

HTML = {
    "aanleiding": "<p>Bewoners wisten niet wie hun wijkagent was.</p>\n<p>Tweede &amp; laatste"
    " alinea,\nover twee regels.</p>",
    "aanpak": '<p>Zo:</p><ul><li>een vaste plek</li><li>koffie van <a href="https://example.'
    'org/?a=1&amp;b=2" rel="noopener noreferrer nofollow">de buurt</a></li></ul><p>Met '
    "<strong>iedereen</strong> en <em>altijd</em>: 3 &lt; 5.</p>",
    "resultaat": "",
    "lessen": "<ul><li>Begin klein</li><li>Luister</li></ul>",
}
GETYPT = {
    "aanleiding": "Bewoners wisten niet wie hun wijkagent was.\n\nTweede & laatste alinea, "
    "over twee regels.",
    "aanpak": 'Zo:\n\n- een vaste plek\n- koffie van <a href="https://example.org/?a=1&b=2">'
    "de buurt</a>\n\nMet <strong>iedereen</strong> en <em>altijd</em>: 3 < 5.",
    "resultaat": "",
    "lessen": "- Begin klein\n- Luister",
}
OP = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def _migreer(doel):
    executor = MigrationExecutor(connection)
    executor.migrate(doel)
    return executor.loader.project_state(doel).apps


def _naar_het_einde():
    # From wherever another migration test left the database (its data restored, its
    # migration records perhaps not), to every migration applied.
    _migreer(MigrationExecutor(connection).loader.graph.leaf_nodes())


def _zo_getoond(tekst: str) -> str:
    """What the detail page shows of a text: HTML's whitespace is one space, and none
    between blocks."""
    return re.sub(r">\s+<", "><", re.sub(r"[ \t\r\n\f]+", " ", str(schoon(tekst))))


def _oude_rij(apps) -> int:
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    Historie = apps.get_model("voorbeelden", "HistoricalVoorbeeld")
    voorbeeld = Voorbeeld.objects.create(
        titel="Koffie met een cop",
        slug="koffie-met-een-cop",
        samenvatting="Koffie op het plein.",
        redactiestatus="gepubliceerd",
        gepubliceerd_op=OP,
        versie=2,
        **HTML,
    )
    for versie, soort in ((1, "+"), (2, "~")):
        Historie.objects.create(
            id=voorbeeld.pk,
            history_relation_id=voorbeeld.pk,
            versie=versie,
            titel=voorbeeld.titel,
            slug=voorbeeld.slug,
            samenvatting=voorbeeld.samenvatting,
            redactiestatus="gepubliceerd",
            gepubliceerd_op=OP,
            aangemaakt_op=OP,
            bijgewerkt_op=OP,
            history_date=OP,
            history_type=soort,
            history_change_reason="bewerkt",
            **HTML,
        )
    return voorbeeld.pk


def _teksten(apps) -> dict[str, dict[str, str]]:
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    return {rij["slug"]: rij for rij in Voorbeeld.objects.values("slug", "versie", *VELDEN)}


def _historie(apps, pk: int) -> list[tuple]:
    Historie = apps.get_model("voorbeelden", "HistoricalVoorbeeld")
    return list(Historie.objects.filter(id=pk).order_by("history_id").values_list())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_stored_html_becomes_the_text_as_typed_and_back():
    _naar_het_einde()
    apps = _migreer(VOOR)
    pk = _oude_rij(apps)
    voor = _teksten(apps)
    historie = _historie(apps, pk)
    # The folder's seven, as 0002 stored them.
    assert voor["fabricius"]["aanleiding"].startswith("<p>Fabricius werd gestart")

    apps = _migreer(NA)
    na = _teksten(apps)
    assert {veld: na["koffie-met-een-cop"][veld] for veld in VELDEN} == GETYPT
    assert na["fabricius"]["aanleiding"] == (
        "Fabricius werd gestart om het havengebied van IJmuiden te ontwikkelen tot een "
        "veilig gebied met een integer en gezond ondernemersklimaat."
    )
    assert len(na) == 8
    for slug, rij in na.items():
        assert rij["versie"] == voor[slug]["versie"]
        for veld in VELDEN:
            assert "<p>" not in rij[veld], (slug, veld)
            assert "<li>" not in rij[veld], (slug, veld)
            # The detail page shows what it showed before.
            assert _zo_getoond(rij[veld]) == _zo_getoond(voor[slug][veld]), (slug, veld)
    assert _historie(apps, pk) == historie

    # The reverse stores HTML again, which shows the same.
    apps = _migreer(VOOR)
    terug = _teksten(apps)
    assert terug["fabricius"]["aanleiding"] == voor["fabricius"]["aanleiding"]
    for slug, rij in terug.items():
        for veld in VELDEN:
            assert _zo_getoond(rij[veld]) == _zo_getoond(voor[slug][veld]), (slug, veld)
    assert _historie(apps, pk) == historie
    _naar_het_einde()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's search vector")
def test_the_search_vector_indexes_the_typed_text():
    _naar_het_einde()
    apps = _migreer(VOOR)
    pk = _oude_rij(apps)
    apps = _migreer(NA)
    Voorbeeld = apps.get_model("voorbeelden", "Voorbeeld")
    with connection.cursor() as cursor:
        cursor.execute("SELECT zoekvector::text FROM voorbeelden_voorbeeld WHERE id = %s", [pk])
        vector = cursor.fetchone()[0]
    # Words of every text, no markup: no “href”, no “strong”, no list dash.
    for woord in ("wijkagent", "buurt", "plek", "luister"):
        assert f"'{woord}" in vector
    for markup in ("href", "strong", "example.org", "'-'"):
        assert markup not in vector
    assert Voorbeeld.objects.filter(pk=pk).exists()
    _naar_het_einde()


@pytest.mark.parametrize(
    ("html", "getypt", "zelfde"),
    [
        ("", "", True),
        ("Al getypt\n\n- een", "Al getypt\n\n- een", True),
        ("<p>Een</p><p>Twee</p>", "Een\n\nTwee", True),
        # One level of list, line breaks as spaces: what the convention has.
        ("<ol><li>een<ul><li>twee</li></ul></li></ol>", "- een\n- twee", False),
        ("<p>Regel<br>volgende</p>", "Regel\nvolgende", False),
        (
            "<p>R&amp;D &amp;amp; a &lt; b &lt;b&gt;x&lt;/b&gt;&nbsp;!</p>",
            "R&D &amp;amp; a < b &lt;b>x&lt;/b>\xa0!",
            True,
        ),
        (
            '<p>Goed</p><script>alert("x")</script><a href="javascript:alert(1)">x</a>',
            "Goed\n\n<a>x</a>",
            False,
        ),
        (
            '<p><a title="Zeg &quot;hoi&quot;" href="mailto:a@b.nl">mail</a></p>',
            '<a title="Zeg &quot;hoi&quot;" href="mailto:a@b.nl">mail</a>',
            True,
        ),
    ],
)
def test_als_getypt(html, getypt, zelfde):
    assert als_getypt(html) == getypt
    assert (_zo_getoond(getypt) == _zo_getoond(html)) == zelfde
