"""The landelijk beeld (/landelijk-beeld/): aggregates across teams, for every logged-in
colleague, filtered by eenheid and period, as charts, tables and downloads; never a word of
what a team wrote in a gesprek or afspraak."""

import csv
import datetime
import io
import zipfile
from html.parser import HTMLParser

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from gesprekken import services as gesprek_services
from gesprekken.models import Afspraak, AfspraakStatus, Gesprek, Zichtbaarheid
from opgaven.models import Aandachtspunt, AgendaPunt, Fase, Gespreksleidraad, Opgave
from opgaven.services import zet_op_agenda
from podium.landelijk.tabellen import tabellen
from teams.models import Basisteam, Eenheid
from tests.conftest import PERSONAS
from voorbeelden.models import Redactiestatus, Toepassing, Voorbeeld

URL = reverse("landelijk_beeld")
TABELLEN = [
    "agenda",
    "opgaven",
    "afspraken",
    "aandachtspunten",
    "eenheden",
    "agendas",
    "kwartalen",
]
GEHEIM = "Zeldzaam-Geheim-7f3a"


@pytest.fixture(autouse=True)
def _lege_cache(db):
    cache.clear()


@pytest.fixture
def vandaag() -> datetime.date:
    return timezone.localdate()


@pytest.fixture
def team_am(db) -> Basisteam:
    return Basisteam.objects.create(
        naam="Basisteam Amsterdam-Zuid",
        slug="amsterdam-zuid",
        code="AM-Z",
        eenheid=Eenheid.objects.get(code="AM"),
    )


def _opgave(nummer: int) -> Opgave:
    return Opgave.objects.get(nummer=nummer)


def _voorbeeld(slug: str, status: str, opgaven, aandachtspunten=(), **velden) -> Voorbeeld:
    voorbeeld = Voorbeeld.objects.create(
        titel=slug,
        slug=slug,
        samenvatting="Een voorbeeld.",
        redactiestatus=status,
        gepubliceerd_op=timezone.now() if status == Redactiestatus.GEPUBLICEERD else None,
        **velden,
    )
    voorbeeld.opgaven.set(opgaven)
    voorbeeld.aandachtspunten.set(aandachtspunten)
    return voorbeeld


def _gesprek(team, door, datum, opgaven, **velden) -> Gesprek:
    velden.setdefault("titel", "Teamgesprek")
    return gesprek_services.maak_gesprek(
        team,
        door,
        datum=datum,
        leidraad=Gespreksleidraad.objects.get(slug="interne-opgaven"),
        opgaven=opgaven,
        **velden,
    )


def _afspraak(gesprek, opgave, status, streefdatum, tekst="Iets doen", eigenaar="") -> Afspraak:
    return Afspraak.objects.create(
        gesprek=gesprek,
        basisteam=gesprek.basisteam,
        omschrijving=tekst,
        opgave=opgave,
        eigenaar=eigenaar,
        status=status,
        streefdatum=streefdatum,
    )


@pytest.fixture
def gegevens(team, ander_team, team_am, teamchef, vandaag) -> dict:
    """A small national picture whose figures are known; see the assertions below. The
    folder's voorbeelden are archived, so only those below are published."""
    Voorbeeld.objects.update(redactiestatus=Redactiestatus.GEARCHIVEERD)
    een, twee = _opgave(1), _opgave(2)
    punt = Aandachtspunt.objects.filter(opgave=een).order_by("volgorde").first()
    zet_op_agenda(team, teamchef, een, fase=Fase.VERKENNEN)
    zet_op_agenda(team, teamchef, een, punt, fase=Fase.VERANKERD)  # its furthest: verankerd
    zet_op_agenda(ander_team, teamchef, een, fase=Fase.AAN_DE_SLAG)
    zet_op_agenda(ander_team, teamchef, twee)
    zet_op_agenda(team_am, teamchef, een)

    mn = team.eenheid
    v1 = _voorbeeld("v1", Redactiestatus.GEPUBLICEERD, [een], [punt], eenheid=mn)
    v2 = _voorbeeld("v2", Redactiestatus.GEPUBLICEERD, [een], basisteam=team_am)
    concept = _voorbeeld("v3", Redactiestatus.CONCEPT, [een, twee], [punt], eenheid=mn)
    _voorbeeld("v4", Redactiestatus.INGEDIEND, [een, twee], eenheid=mn)
    for voorbeeld, basisteam in ((v1, ander_team), (v1, team_am), (v2, team), (concept, team)):
        Toepassing.objects.create(voorbeeld=voorbeeld, basisteam=basisteam, door=teamchef)

    gisteren, morgen = vandaag - datetime.timedelta(days=1), vandaag + datetime.timedelta(days=9)
    g1 = _gesprek(team, teamchef, vandaag, [een, twee])
    _gesprek(team_am, teamchef, vandaag, [een])
    oud = _gesprek(team, teamchef, vandaag - datetime.timedelta(days=400), [een])
    _afspraak(g1, een, AfspraakStatus.OPEN, morgen)
    _afspraak(g1, een, AfspraakStatus.LOOPT, gisteren)  # overdue
    _afspraak(g1, twee, AfspraakStatus.KLAAR, gisteren)  # done: not overdue
    _afspraak(g1, een, AfspraakStatus.VERVALLEN, gisteren)  # dropped: neither
    _afspraak(g1, None, AfspraakStatus.OPEN, None)  # without an opgave
    _afspraak(oud, een, AfspraakStatus.OPEN, gisteren)
    return {"punt": punt}


def _beeld(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return response.context["beeld"]


def _per_nummer(beeld) -> dict:
    return {o.nummer: o for o in beeld.opgaven}


# --- who may read it -----------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_logged_in_colleague_reads_it_anonymous_goes_to_login(as_persona, persona):
    response = as_persona(persona).get(URL)
    if persona == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == 200
        assert response.context["beeld"] is not None


@pytest.mark.parametrize("tabel", ["agenda", "kwartalen"])
def test_downloads_need_a_login(client, tabel):
    response = client.get(reverse("landelijk_beeld_csv", args=[tabel]))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


# --- the figures ----------------------------------------------------------------------------


def test_agenda_counts_each_team_once_per_opgave_in_its_furthest_stage(client, collega, gegevens):
    client.force_login(collega)
    beeld = _beeld(client)
    opgaven = _per_nummer(beeld)
    assert opgaven[1].fasen == {Fase.VERKENNEN: 1, Fase.AAN_DE_SLAG: 1, Fase.VERANKERD: 1}
    assert opgaven[1].teams == 3
    assert opgaven[2].fasen == {Fase.VERKENNEN: 1, Fase.AAN_DE_SLAG: 0, Fase.VERANKERD: 0}
    assert [opgaven[n].teams for n in range(3, 9)] == [0] * 6
    (punt,) = [a for a in beeld.aandachtspunten if a.pk == gegevens["punt"].pk]
    assert punt.fasen[Fase.VERANKERD] == 1
    assert punt.teams == 1
    assert beeld.teams_met_agenda == 3


def test_only_published_voorbeelden_and_their_toepassingen_count(client, collega, gegevens):
    client.force_login(collega)
    beeld = _beeld(client)
    opgaven = _per_nummer(beeld)
    assert opgaven[1].voorbeelden == 2  # v1 and v2; the concept and the submitted one not
    assert opgaven[1].toegepast_door == 3  # the concept's toepassing is not counted
    assert opgaven[2].voorbeelden == 0
    assert opgaven[2].toegepast_door == 0
    (punt,) = [a for a in beeld.aandachtspunten if a.pk == gegevens["punt"].pk]
    assert (punt.voorbeelden, punt.toegepast_door) == (1, 2)
    assert beeld.voorbeelden == 2


def test_gesprekken_and_afspraken_per_opgave(client, collega, gegevens):
    client.force_login(collega)
    beeld = _beeld(client)
    opgaven = _per_nummer(beeld)
    assert (opgaven[1].gesprekken, opgaven[2].gesprekken) == (2, 1)  # not the old one
    een = opgaven[1].afspraken
    assert (een.totaal, een.open, een.klaar, een.over_tijd) == (3, 2, 0, 1)
    twee = opgaven[2].afspraken
    assert (twee.totaal, twee.open, twee.klaar, twee.over_tijd) == (1, 0, 1, 0)
    alle = beeld.afspraken  # the one without an opgave included
    assert (alle.totaal, alle.open, alle.klaar, alle.over_tijd) == (5, 3, 1, 1)
    assert beeld.gesprekken == 2


def test_figures_per_eenheid(client, collega, gegevens):
    client.force_login(collega)
    beeld = _beeld(client)
    eenheden = {e.code: e for e in beeld.eenheden}
    assert len(eenheden) == Eenheid.objects.count()
    mn, am = eenheden["MN"], eenheden["AM"]
    een, twee = _opgave(1), _opgave(2)
    assert (mn.teams, mn.teams_met_agenda, mn.voorbeelden, mn.gesprekken) == (2, 2, 1, 1)
    assert mn.per_opgave == {een.pk: 2, twee.pk: 1}
    assert (mn.afspraken.totaal, mn.afspraken.over_tijd) == (5, 1)
    assert (am.teams, am.teams_met_agenda, am.voorbeelden, am.gesprekken) == (1, 1, 1, 1)
    assert am.per_opgave == {een.pk: 1}
    assert eenheden["LB"].teams == 0


def test_figures_per_quarter(client, collega, gegevens, vandaag):
    client.force_login(collega)
    beeld = _beeld(client)
    assert len(beeld.kwartalen) == 4
    laatste = beeld.kwartalen[-1]
    assert (laatste.jaar, laatste.kwartaal) == (vandaag.year, (vandaag.month - 1) // 3 + 1)
    assert (laatste.gesprekken, laatste.afspraken.totaal) == (2, 5)
    assert sum(k.gesprekken for k in beeld.kwartalen[:-1]) == 0


# --- the filters ----------------------------------------------------------------------------


def test_the_eenheid_filter_changes_the_figures(client, collega, gegevens):
    client.force_login(collega)
    beeld = _beeld(client, eenheid="midden-nederland")
    assert [e.code for e in beeld.eenheden] == ["MN"]
    opgaven = _per_nummer(beeld)
    assert opgaven[1].teams == 2  # not the team of Amsterdam
    assert opgaven[1].voorbeelden == 1  # v1, not v2 of Amsterdam
    assert opgaven[1].toegepast_door == 2  # the teams of Midden-Nederland that apply one
    assert opgaven[1].gesprekken == 1
    assert beeld.teams == 2
    am = _beeld(client, eenheid="amsterdam")
    assert (_per_nummer(am)[1].teams, am.voorbeelden, am.gesprekken, am.afspraken.totaal) == (
        1,
        1,
        1,
        0,
    )


def test_the_period_filter_changes_the_figures(client, collega, gegevens, vandaag):
    client.force_login(collega)
    twee_jaar = _beeld(client, periode="2jaar")
    assert len(twee_jaar.kwartalen) == 8
    assert _per_nummer(twee_jaar)[1].gesprekken == 3  # the old gesprek too
    assert twee_jaar.afspraken.totaal == 6
    dit_jaar = _beeld(client, periode=str(vandaag.year))
    assert [k.kwartaal for k in dit_jaar.kwartalen] == [1, 2, 3, 4]
    assert dit_jaar.gesprekken == 2
    oud = vandaag - datetime.timedelta(days=400)
    dat_jaar = _beeld(client, periode=str(oud.year))
    assert dat_jaar.gesprekken == (1 if oud.year != vandaag.year else 3)


@pytest.mark.parametrize(
    "params",
    [
        {"eenheid": "bestaat-niet"},
        {"periode": "1999"},
        {"periode": "<script>alert(1)</script>"},
        {"eenheid": ["amsterdam", "zeeland-west-brabant"], "periode": "x"},
    ],
)
def test_invalid_filters_are_an_error_on_the_form(client, collega, gegevens, params):
    client.force_login(collega)
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["beeld"] is None
    assert response.context["form"].errors
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert "<script>alert" not in html
    export = client.get(reverse("landelijk_beeld_csv", args=["agenda"]), params)
    assert export.status_code == 400


def test_an_unknown_table_is_not_found(client, collega):
    client.force_login(collega)
    assert client.get(reverse("landelijk_beeld_csv", args=["bestaat-niet"])).status_code == 404


def test_every_state_is_a_shareable_address(client, collega, gegevens):
    """The form is a GET form and the downloads carry the page's filters."""
    client.force_login(collega)
    response = client.get(URL, {"eenheid": "amsterdam", "periode": "2jaar"})
    html = response.content.decode()
    assert 'method="get"' in html
    assert "/landelijk-beeld/agenda.csv?eenheid=amsterdam&amp;periode=2jaar" in html
    assert "/landelijk-beeld/kwartalen.xlsx?eenheid=amsterdam&amp;periode=2jaar" in html


# --- the page: charts and tables ------------------------------------------------------------


def test_each_chart_is_an_image_with_title_and_description_and_a_table(client, collega, gegevens):
    client.force_login(collega)
    html = client.get(URL).content.decode()
    for ident in ("grafiek-fasen", "grafiek-eenheden", "grafiek-kwartalen"):
        assert f'role="img" aria-labelledby="{ident}-titel {ident}-beschrijving"' in html
        assert f'<title id="{ident}-titel">' in html
        assert f'<desc id="{ident}-beschrijving">' in html
    assert html.count("<caption") == len(TABELLEN)
    assert html.count('<th scope="col"') > 0
    assert '<th scope="row">' in html
    assert 'viewBox="0 0 320' in html
    assert 'width="100%"' in html
    assert "<script" not in html.split("<main", 1)[1]


def test_a_fresh_database_shows_zeros_and_says_so(client, collega):
    client.force_login(collega)
    response = client.get(URL)
    beeld = response.context["beeld"]
    assert beeld.is_leeg
    assert beeld.gesprekken == 0
    assert beeld.teams_met_agenda == 0
    assert all(o.teams == 0 and o.afspraken.totaal == 0 for o in beeld.opgaven)
    assert 'id="geen-gegevens"' in response.content.decode()


def test_a_filled_database_does_not_say_it_is_empty(client, collega, gegevens):
    client.force_login(collega)
    assert 'id="geen-gegevens"' not in client.get(URL).content.decode()


# --- downloads ------------------------------------------------------------------------------


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx(response) -> list[list[str]]:
    from openpyxl import load_workbook

    blad = load_workbook(io.BytesIO(response.content), read_only=True).active
    return [["" if c is None else str(c) for c in rij] for rij in blad.iter_rows(values_only=True)]


class _Tabellen(HTMLParser):
    """The tables of a page as rows of cell texts, by the id of their caption."""

    def __init__(self):
        super().__init__()
        self.tabellen, self._tabel, self._cel = {}, None, None

    def handle_starttag(self, tag, attrs):
        if tag == "caption":
            self._tabel = self.tabellen.setdefault(dict(attrs)["id"].removeprefix("tabel-"), [])
        elif tag == "tr" and self._tabel is not None:
            self._tabel.append([])
        elif tag in ("th", "td") and self._tabel is not None:
            self._cel = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self._cel is not None:
            self._tabel[-1].append("".join(self._cel).strip())
            self._cel = None
        elif tag == "table":
            self._tabel = None

    def handle_data(self, data):
        if self._cel is not None:
            self._cel.append(data)


@pytest.mark.parametrize("naam", TABELLEN)
def test_csv_and_xlsx_hold_the_table_of_the_page(client, collega, gegevens, naam):
    client.force_login(collega)
    params = {"eenheid": "midden-nederland", "periode": "2jaar"}
    pagina = client.get(URL, params)
    tabel = tabellen(pagina.context["beeld"])[naam]
    verwacht = [[str(k) for k in tabel.kop], *([str(c) for c in rij] for rij in tabel.rijen)]
    parser = _Tabellen()
    parser.feed(pagina.content.decode())
    assert parser.tabellen[naam] == verwacht  # the figures stay below a thousand here
    als_csv = client.get(reverse("landelijk_beeld_csv", args=[naam]), params)
    assert als_csv["Content-Type"].startswith("text/csv")
    assert _csv(als_csv) == verwacht
    als_xlsx = client.get(reverse("landelijk_beeld_xlsx", args=[naam]), params)
    assert _xlsx(als_xlsx) == verwacht


def test_the_agenda_download_holds_the_known_figures(client, collega, gegevens):
    client.force_login(collega)
    rijen = _csv(client.get(reverse("landelijk_beeld_csv", args=["agenda"])))
    assert rijen[1][1:] == ["1", "1", "1", "3"]  # opgave 1: one team in each stage
    assert len(rijen) == 1 + Opgave.objects.count()


# --- nothing a team wrote leaks --------------------------------------------------------------


def test_no_text_or_name_of_a_gesprek_or_afspraak_appears(client, collega, team, teamchef):
    gesprek = _gesprek(
        team,
        teamchef,
        timezone.localdate(),
        [_opgave(3)],
        titel=f"{GEHEIM} titel",
        deelnemers=f"{GEHEIM} deelnemers",
        samenvatting=f"{GEHEIM} samenvatting",
        zichtbaarheid=Zichtbaarheid.TEAM,
    )
    antwoord = gesprek.antwoorden.first()
    gesprek_services.leg_antwoord_vast(antwoord, teamchef, antwoord.versie, f"{GEHEIM} antwoord")
    _afspraak(
        gesprek,
        _opgave(3),
        AfspraakStatus.OPEN,
        None,
        tekst=f"{GEHEIM} omschrijving",
        eigenaar=f"{GEHEIM} eigenaar",
    )
    client.force_login(collega)
    for params in ({}, {"eenheid": "midden-nederland", "periode": "2jaar"}):
        response = client.get(URL, params)
        assert response.context["beeld"].gesprekken == 1  # it is counted…
        html = response.content.decode()
        assert GEHEIM not in html  # …but nothing of it is shown
        assert teamchef.naam not in html.split('class="main')[1]
        for naam in TABELLEN:
            als_csv = client.get(reverse("landelijk_beeld_csv", args=[naam]), params)
            assert GEHEIM not in als_csv.content.decode("utf-8-sig")
            als_xlsx = client.get(reverse("landelijk_beeld_xlsx", args=[naam]), params)
            with zipfile.ZipFile(io.BytesIO(als_xlsx.content)) as xlsx:
                for deel in xlsx.namelist():
                    assert GEHEIM.encode() not in xlsx.read(deel), deel


# --- queries and the cache ------------------------------------------------------------------


def _veel(aantal: int, door) -> None:
    """`aantal` teams spread over the eenheden, each with agenda, voorbeeld, toepassing,
    gesprekken and afspraken."""
    eenheden = list(Eenheid.objects.all())
    opgaven = list(Opgave.objects.all())
    vandaag = timezone.localdate()
    for n in range(aantal):
        team = Basisteam.objects.create(
            naam=f"Team {n}", slug=f"team-{n}", code=f"T{n}", eenheid=eenheden[n % 10]
        )
        opgave = opgaven[n % len(opgaven)]
        AgendaPunt.objects.create(basisteam=team, opgave=opgave, fase=list(Fase)[n % 3])
        voorbeeld = _voorbeeld(f"veel-{n}", Redactiestatus.GEPUBLICEERD, [opgave], basisteam=team)
        Toepassing.objects.create(voorbeeld=voorbeeld, basisteam=team, door=door)
        for k in range(2):
            gesprek = Gesprek.objects.create(
                basisteam=team,
                titel="G",
                datum=vandaag - datetime.timedelta(days=100 * k),
                leidraad=Gespreksleidraad.objects.first(),
            )
            gesprek.opgaven.set([opgave])
            _afspraak(gesprek, opgave, list(AfspraakStatus)[n % 4], vandaag)


# Session, user, the header's team, eenheden; the cache's version (set anew: the cache was
# cleared, 5 queries with the database cache), the page's and the figures' entries (missed),
# 12 aggregates, and the two entries written (5 each).
QUERIES_KOUD = 33
QUERIES_WARM = 6  # session, user, header, eenheden, the cache's version and the page


@pytest.mark.parametrize("aantal", [3, 30])
def test_queries_do_not_grow_with_the_data(client, collega, django_assert_max_num_queries, aantal):
    _veel(aantal, collega)
    client.force_login(collega)
    for params in ({}, {"eenheid": "amsterdam", "periode": "2jaar"}):
        cache.clear()
        with django_assert_max_num_queries(QUERIES_KOUD):
            assert client.get(URL, params).status_code == 200
        with django_assert_max_num_queries(QUERIES_WARM):
            assert client.get(URL, params).status_code == 200


@pytest.mark.parametrize("aantal", [3, 30])
def test_a_download_asks_as_few(client, collega, django_assert_max_num_queries, aantal):
    _veel(aantal, collega)
    client.force_login(collega)
    with django_assert_max_num_queries(QUERIES_KOUD):
        assert client.get(reverse("landelijk_beeld_xlsx", args=["eenheden"])).status_code == 200


def test_a_warm_cache_skips_the_aggregates(client, collega, gegevens, django_assert_num_queries):
    client.force_login(collega)
    client.get(URL)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as warm:
        client.get(URL)
    assert not any("opgaven_agendapunt" in q["sql"] for q in warm.captured_queries)
    assert not any("gesprekken_afspraak" in q["sql"] for q in warm.captured_queries)


@pytest.mark.parametrize("wijziging", ["agenda", "voorbeeld", "toepassing", "gesprek", "afspraak"])
def test_a_change_shows_at_once(client, collega, teamchef, team, gegevens, wijziging):
    client.force_login(collega)
    voor = _beeld(client)  # now cached
    vandaag = timezone.localdate()
    if wijziging == "agenda":
        zet_op_agenda(team, teamchef, _opgave(5))
        assert _per_nummer(_beeld(client))[5].teams == _per_nummer(voor)[5].teams + 1
    elif wijziging == "voorbeeld":
        _voorbeeld("nieuw", Redactiestatus.GEPUBLICEERD, [_opgave(6)], eenheid=team.eenheid)
        assert _beeld(client).voorbeelden == voor.voorbeelden + 1
    elif wijziging == "toepassing":
        Toepassing.objects.filter(basisteam=team).delete()
        assert _per_nummer(_beeld(client))[1].toegepast_door == 2
    elif wijziging == "gesprek":
        _gesprek(team, teamchef, vandaag, [_opgave(7)])
        assert _per_nummer(_beeld(client))[7].gesprekken == 1
    else:
        afspraak = Afspraak.objects.filter(status=AfspraakStatus.LOOPT).get()
        afspraak.status = AfspraakStatus.KLAAR
        afspraak.save()
        assert _beeld(client).afspraken.klaar == voor.afspraken.klaar + 1
