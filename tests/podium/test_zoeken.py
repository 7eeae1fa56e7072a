"""The one search, /zoeken/: who may search, what is found in which group, what is marked,
what never leaks (a team-only gesprek, someone else's draft), odd input, and the number of
queries with ten times the data."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone

from gesprekken import services
from gesprekken.models import Zichtbaarheid
from opgaven.models import Gespreksleidraad, Opgave
from podium.zoeken import MAX_LENGTE, PER_GROEP, maak_zoekvraag, markeer
from tests.conftest import PERSONAS
from tests.voorbeelden.conftest import maak_voorbeeld  # noqa: F401 (a fixture)

# ruff: noqa: F811 (the fixture above, asked for by name)
from voorbeelden.models import Redactiestatus, Voorbeeld

pytestmark = pytest.mark.django_db

alleen_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the suggestion uses pg_trgm, a PostgreSQL extension; CI's PostgreSQL lane runs it",
)

GEHEIM = "kwartelkoning"  # in no text of the portal but the team-only gesprek's


def _zoek(client, q: str, **extra):
    return client.get("/zoeken/", {"q": q, **extra})


def _groepen(response) -> dict[str, int]:
    """Group → total, as the page shows them."""
    html = response.content.decode()
    return {
        naam: int(totaal)
        for naam, totaal in re.findall(r'data-groep="(\w+)" data-totaal="(\d+)"', html)
    }


def _titels(response, groep: str) -> list[str]:
    return [t.titel for g in response.context["groepen"] if g.naam == groep for t in g.treffers]


def _gesprek(team, door, *, titel="Teamgesprek", zichtbaarheid=Zichtbaarheid.TEAM, tekst=""):
    """A gesprek of `team` whose summary, first answer and one afspraak hold `tekst`."""
    gesprek = services.maak_gesprek(
        team,
        door,
        titel=titel,
        datum=datetime.date(2026, 3, 10),
        leidraad=Gespreksleidraad.objects.get(slug="interne-opgaven"),
        zichtbaarheid=zichtbaarheid,
        samenvatting=f"Samenvatting: {tekst}",
    )
    antwoord = gesprek.antwoorden.exclude(soort="top3").first()
    services.leg_antwoord_vast(antwoord, door, antwoord.versie, f"Antwoord: {tekst}")
    services.maak_afspraken(gesprek, door, [{"omschrijving": f"Afspraak: {tekst}"}])
    return gesprek


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_search(as_persona, persona):
    response = _zoek(as_persona(persona), "ondermijning")
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/?next=/zoeken/")
    else:
        assert response.status_code == 200


def test_the_header_has_the_search_box_for_logged_in_colleagues(client, collega):
    assert 'id="kop-zoekterm"' not in client.get("/").content.decode()
    client.force_login(collega)
    html = client.get("/").content.decode()
    assert 'action="/zoeken/"' in html
    assert '<label class="visually-hidden" for="kop-zoekterm">' in html


def test_ondermijning_finds_the_opgave_its_aandachtspunten_and_fabricius(client, collega):
    client.force_login(collega)
    response = _zoek(client, "ondermijning")
    groepen = _groepen(response)
    assert groepen["opgaven"] >= 1
    assert groepen["aandachtspunten"] >= 1
    assert "Samenspannen tegen ondermijning" in _titels(response, "opgaven")
    # Fabricius's own text does not say it; its opgave does.
    assert "Fabricius" in _titels(response, "voorbeelden")
    aandachtspunt = next(g for g in response.context["groepen"] if g.naam == "aandachtspunten")
    assert aandachtspunt.treffers[0].waar.endswith("3 · aandachtspunt")
    assert "<mark>ondermijning</mark>" in response.content.decode()


def test_basisteams_are_found_by_name_gemeente_and_eenheid(client, collega, team, ander_team):
    from teams.models import Gemeente, Werkgebied

    Werkgebied.objects.create(
        basisteam=ander_team, gemeente=Gemeente.objects.create(naam="Zeist", cbs_code="GM0355")
    )
    client.force_login(collega)
    assert _titels(_zoek(client, "zeist"), "basisteams") == ["Basisteam Heuvelrug"]
    assert _titels(_zoek(client, "Utrecht-Centrum"), "basisteams") == ["Basisteam Utrecht-Centrum"]
    assert set(_titels(_zoek(client, "Midden-Nederland"), "basisteams")) == {
        "Basisteam Heuvelrug",
        "Basisteam Utrecht-Centrum",
    }


def test_a_team_only_gesprek_is_found_by_the_team_and_by_nobody_else(
    client, team, collega, teamchef, teamchef_ander_team, redacteur
):
    gesprek = _gesprek(team, teamchef, titel="Geheim overleg", tekst=f"de {GEHEIM} broedt")
    client.force_login(collega)
    gevonden = _zoek(client, GEHEIM)
    assert _groepen(gevonden) == {"gesprekken": 1, "antwoorden": 1, "afspraken": 1}
    assert _titels(gevonden, "gesprekken") == ["Geheim overleg"]
    assert f'href="{gesprek.get_absolute_url()}"' in gevonden.content.decode()

    for buitenstaander in (teamchef_ander_team, redacteur):
        client.force_login(buitenstaander)
        for q in (GEHEIM, f"{GEHEIM} broedt", "broedt"):
            response = _zoek(client, q)
            html = response.content.decode()
            assert response.context["totaal"] == 0
            assert _groepen(response) == {}
            # Nothing of it on the page: no title, no text, no link, no count.
            assert "Geheim overleg" not in html
            assert gesprek.get_absolute_url() not in html
            assert "Samenvatting:" not in html
            assert "Antwoord:" not in html
            # The whole group's list says nothing either.
            for groep in ("gesprekken", "antwoorden", "afspraken"):
                lijst = _zoek(client, q, groep=groep)
                assert lijst.context["groep"].totaal == 0
                assert "Geheim overleg" not in lijst.content.decode()


def test_what_the_outsider_sees_holds_only_the_echo_of_the_query(
    client, teamchef, team, teamchef_ander_team
):
    _gesprek(team, teamchef, tekst=f"de {GEHEIM} broedt")
    client.force_login(teamchef_ander_team)
    html = _zoek(client, GEHEIM).content.decode()
    # Title, header box, search box and “no results for …”: only the query, echoed.
    echo = (
        html.count(f'value="{GEHEIM}"') + html.count(f"“{GEHEIM}”") + html.count(f": {GEHEIM} ·")
    )
    assert html.count(GEHEIM) == echo
    assert "broedt" not in html


def test_a_gesprek_shared_with_the_whole_police_is_found_by_others(
    client, teamchef, team, teamchef_ander_team
):
    _gesprek(
        team, teamchef, titel="Open overleg", zichtbaarheid=Zichtbaarheid.POLITIE, tekst=GEHEIM
    )
    client.force_login(teamchef_ander_team)
    response = _zoek(client, GEHEIM)
    assert _groepen(response) == {"gesprekken": 1, "antwoorden": 1, "afspraken": 1}


def test_drafts_and_unpublished_voorbeelden_of_others_are_not_found(
    client, collega, teamchef_ander_team
):
    for status in (Redactiestatus.CONCEPT, Redactiestatus.INGEDIEND, Redactiestatus.AFGEWEZEN):
        Voorbeeld.objects.create(
            titel=f"Zeppelinwacht {status}",
            slug=f"zeppelin-{status}",
            samenvatting="Zeppelinwacht in de wijk.",
            redactiestatus=status,
            afwijzingsreden="Nee." if status == Redactiestatus.AFGEWEZEN else "",
            auteur=collega,
        )
    client.force_login(teamchef_ander_team)
    response = _zoek(client, "zeppelinwacht")
    assert _groepen(response) == {}
    assert "Zeppelinwacht in de wijk" not in response.content.decode()
    Voorbeeld.objects.filter(slug="zeppelin-ingediend").update(
        redactiestatus=Redactiestatus.GEPUBLICEERD, gepubliceerd_op=timezone.now()
    )
    Voorbeeld.objects.get(slug="zeppelin-ingediend").save()  # the search text and vector
    assert _titels(_zoek(client, "zeppelinwacht"), "voorbeelden") == ["Zeppelinwacht ingediend"]


def test_stored_markup_is_escaped_and_the_words_marked(client, teamchef, team):
    _gesprek(team, teamchef, titel="<b>Vet</b>", tekst=f"<script>alert(1)</script> {GEHEIM}")
    client.force_login(teamchef)
    html = _zoek(client, GEHEIM).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "<b>Vet</b>" not in html
    assert f"<mark>{GEHEIM}</mark>" in html
    assert "&lt;b&gt;Vet&lt;/b&gt;" in html


def test_the_query_is_made_safe():
    assert maak_zoekvraag("wijk\x00agent\ud800 \x1b").tekst == "wijk agent"
    assert maak_zoekvraag("de het een").woorden == ()
    assert maak_zoekvraag("-wijkagent or Utrecht-Centrum").woorden == ("utrecht", "centrum")
    lang = maak_zoekvraag("ondermijning " * 1_000)
    assert lang.ingekort
    assert lang.tekst.endswith("ondermijning")
    assert len(lang.tekst) <= MAX_LENGTE


def test_markeer_marks_every_word_and_its_stem():
    vraag = maak_zoekvraag("wijkagenten <ondermijning>")
    fragment = markeer(vraag, "<p>De wijkagent & de <i>ondermijning</i>.</p>")
    assert fragment == "De <mark>wijkagent</mark> &amp; de <mark>ondermijning</mark>."
    lang = "woord " * 100 + "ondermijning " + "woord " * 100
    fragment = markeer(maak_zoekvraag("ondermijning"), lang)
    assert fragment.startswith("… ")
    assert fragment.endswith(" …")
    assert "<mark>ondermijning</mark>" in fragment


def test_a_group_with_more_hits_links_to_its_full_list(client, teamchef, team):
    for n in range(PER_GROEP + 2):
        _gesprek(team, teamchef, titel=f"Overleg {n}", tekst=GEHEIM)
    client.force_login(teamchef)
    response = _zoek(client, GEHEIM)
    assert _groepen(response)["gesprekken"] == PER_GROEP + 2
    assert len(_titels(response, "gesprekken")) == PER_GROEP
    html = response.content.decode()
    assert f'href="/zoeken/?q={GEHEIM}&amp;groep=gesprekken" data-meer="gesprekken"' in html
    lijst = _zoek(client, GEHEIM, groep="gesprekken")
    assert lijst.context["groep"].totaal == PER_GROEP + 2
    assert len(lijst.context["groep"].treffers) == PER_GROEP + 2


def test_more_voorbeelden_go_to_the_library_search(client, collega, maak_voorbeeld):
    for n in range(PER_GROEP + 1):
        maak_voorbeeld(f"Zeppelin {n}", samenvatting="Een zeppelin boven de wijk.")
    client.force_login(collega)
    html = _zoek(client, "zeppelin").content.decode()
    assert 'href="/voorbeelden/?q=zeppelin" data-meer="voorbeelden"' in html
    library = client.get("/voorbeelden/", {"q": "zeppelin"})
    assert library.context["pagina"].paginator.count == PER_GROEP + 1


FUZZ = [
    "",
    "   ",
    "x" * 10_000,
    "ondermijning " * 1_000,
    '"',
    '"wijk agent',
    "&|!:*()",
    "wijk & agent | !politie",
    "-wijkagent",
    "wijkagent or ondermijning",
    "wijkagent -ondermijning",
    "de het een",
    "\x00",
    "wijk\x00agent",
    "👮‍♀️ 🚓",
    "'; DROP TABLE voorbeelden_voorbeeld; --",
    "%_\\",
    "<script>alert(1)</script>",
    "\u202e\u200b",
]


@pytest.mark.parametrize("q", FUZZ, ids=range(len(FUZZ)))
def test_odd_input_gives_a_sensible_page(client, collega, q):
    client.force_login(collega)
    response = _zoek(client, q)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert re.search(r'data-melding="(leeg|geen)"|data-groep=', html)
    vraag = response.context["zoekvraag"]
    assert len(vraag.tekst) <= MAX_LENGTE
    assert "\x00" not in vraag.tekst
    for groep in ("opgaven", "gesprekken", "voorbeelden"):
        assert _zoek(client, q, groep=groep).status_code == 200


def test_raw_bytes_in_the_query_string_give_a_sensible_page(client, collega):
    client.force_login(collega)
    for query in ("q=%ED%A0%80", "q=%00", "q=%FF%FE", "q=wijk%00agent&groep=antwoorden"):
        assert client.get(f"/zoeken/?{query}").status_code == 200


def test_a_long_query_is_cut_and_the_page_says_so(client, collega):
    client.force_login(collega)
    response = _zoek(client, "ondermijning " * 1_000)
    assert response.context["zoekvraag"].ingekort
    assert 'data-melding="ingekort"' in response.content.decode()
    assert "Fabricius" in _titels(response, "voorbeelden")


@alleen_postgresql
@pytest.mark.parametrize(
    ("fout", "goed"), [("ondermijnig", "ondermijning"), ("wijkagnet", "wijkagent")]
)
def test_a_misspelling_gets_a_suggestion(client, collega, fout, goed):
    client.force_login(collega)
    response = _zoek(client, fout)
    assert response.context["suggestie"] == goed
    assert f'href="/zoeken/?q={goed}"' in response.content.decode()
    correct = _zoek(client, goed)
    assert correct.context["totaal"] > 0
    assert correct.context["suggestie"] is None


@alleen_postgresql
def test_the_suggestion_never_comes_from_a_gesprek(client, teamchef, team, teamchef_ander_team):
    _gesprek(team, teamchef, tekst="kwartelkoningen")
    client.force_login(teamchef_ander_team)
    assert _zoek(client, "kwartelkonigen").context["suggestie"] is None


def _veel(teamchef, team, ander_team, factor: int, maak_voorbeeld):
    for n in range(factor):
        _gesprek(team, teamchef, titel=f"Overleg {factor}-{n}", tekst=f"{GEHEIM} ondermijning")
        _gesprek(
            ander_team,
            None,
            titel=f"Ander {factor}-{n}",
            tekst=GEHEIM,
            zichtbaarheid=Zichtbaarheid.POLITIE,
        )
        voorbeeld = maak_voorbeeld(
            f"{GEHEIM} {factor}-{n}", basisteam=team, samenvatting="Tegen ondermijning."
        )
        voorbeeld.opgaven.add(Opgave.objects.get(nummer=3))


@pytest.mark.parametrize("q", [GEHEIM, "ondermijning", "ondermijnig"])
def test_the_number_of_queries_does_not_grow_with_the_data(
    client, teamchef, team, ander_team, maak_voorbeeld, django_assert_max_num_queries, q
):
    client.force_login(teamchef)
    _veel(teamchef, team, ander_team, 1, maak_voorbeeld)
    _zoek(client, q)  # the suggestion's words, cached for ten minutes
    # Session and user, one query a group (the basisteams one more for their gemeenten),
    # the user's permissions (two, for `zichtbaar_voor`), “my team” in the header, and on
    # PostgreSQL the cached words and, for an unknown word, the suggestion; the voorbeelden
    # count over narrow rows and fetch their hits after (`SMAL_TELLEN`).
    with django_assert_max_num_queries(15):
        eerst = _zoek(client, q)
    _veel(teamchef, team, ander_team, 10, maak_voorbeeld)
    with django_assert_max_num_queries(15):
        daarna = _zoek(client, q)
    if q == GEHEIM:
        assert sum(_groepen(daarna).values()) > sum(_groepen(eerst).values())
    # One group's list: its count and its page instead of the groups.
    with django_assert_max_num_queries(8):
        assert _zoek(client, q, groep="afspraken").status_code == 200


@alleen_postgresql
@pytest.mark.parametrize(
    ("groep", "index"),
    [
        ("_gesprekken", "gesprek_zoek_gin"),
        ("_antwoorden", "antwoord_zoek_gin"),
        ("_afspraken", "afspraak_zoek_gin"),
    ],
)
def test_the_gesprekken_are_searched_through_their_gin_index(beheerder, groep, index):
    """The index is an expression: the search must filter on exactly that expression."""
    from podium import zoeken

    queryset = getattr(zoeken, groep)(maak_zoekvraag("wijkagent"), beheerder)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(rij[0] for rij in cursor.fetchall())
    assert index in plan
