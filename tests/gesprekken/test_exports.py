"""The report (print view and PDF) and the CSV exports: what is in them, and that they read
back as they were written."""

import csv
import datetime
import io
import sys

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gesprekken import services
from gesprekken.models import Gesprek
from gesprekken.verslag import veilige_cel
from gesprekken.views import verslag
from opgaven.models import Gespreksvraag, Opgave

pytestmark = pytest.mark.django_db

BOM = "\ufeff"


@pytest.fixture
def gevoerd(gesprek, teamchef, gespreksleider, maak_gesprek):
    """A gesprek with answers, the drie dingen, an extra afspraak and one carried over."""
    eerder = maak_gesprek(titel="Winteroverleg", datum=datetime.date(2026, 1, 5))
    (oud,) = services.maak_afspraken(
        eerder, teamchef, [{"omschrijving": "Fietsverlichting controleren", "eigenaar": "Bo"}]
    )
    een, twee, top3 = gesprek.antwoorden.select_related("vraag").order_by("volgorde")
    services.leg_antwoord_vast(een, gespreksleider, 1, "Wij werken met clusters; één per wijk.")
    services.leg_antwoord_vast(twee, gespreksleider, 1, "=SOM(A1) en ‘ruimte’ — écht")
    services.maak_afspraken(
        gesprek,
        gespreksleider,
        [
            {
                "omschrijving": "Wijkschouw met de gemeente",
                "eigenaar": "Carla Collega",
                "streefdatum": datetime.date(2026, 4, 1),
                "opgave": Opgave.objects.get(nummer=6),
            },
            {"omschrijving": "Leren van Heuvelrug"},
        ],
        vraag=top3.vraag,
    )
    services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Verslag naar de burgemeester"}])
    services.zet_status(gesprek, "gevoerd", heropenen=False)
    gesprek.oud = oud
    return gesprek


def test_the_pdf_holds_the_team_participants_answers_and_afspraken(client, gevoerd, collega):
    client.force_login(collega)
    response = client.get(f"/gesprekken/{gevoerd.pk}/verslag.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f'filename="verslag-gesprek-{gevoerd.pk}.pdf"' in response["Content-Disposition"]
    pdf = PdfReader(io.BytesIO(response.content))
    tekst = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    for verwacht in [
        "Basisteam Utrecht-Centrum",
        "Verslag: Teamgesprek interne opgaven",
        "10 maart 2026",
        "wijkagenten, gemeente",
        "Gijs Gespreksleider",
        "6. 'Klein' binnen 'groot' organiseren",
        "Wij werken met clusters; één per wijk.",
        "=SOM(A1) en ‘ruimte’ — écht",
        "Wijkschouw met de gemeente",
        "Verslag naar de burgemeester",
        "Fietsverlichting controleren",  # carried over from the earlier gesprek
        "Vragen en antwoorden",
    ]:
        assert verwacht in tekst, verwacht
    assert pdf.metadata.title == "Verslag: Teamgesprek interne opgaven · Basisteam Utrecht-Centrum"
    assert pdf.metadata.author == "Basisteam Utrecht-Centrum"
    katalogus = pdf.trailer["/Root"]
    assert katalogus["/Lang"] == "nl"
    assert "/StructTreeRoot" in katalogus  # a tagged PDF
    assert katalogus["/MarkInfo"]["/Marked"]


def test_the_pdf_fetches_nothing_outside_the_document(client, gesprek, teamchef):
    services.leg_antwoord_vast(
        gesprek.antwoorden.get(volgorde=1),
        teamchef,
        1,
        '<img src="file:///etc/passwd"><link rel=stylesheet href="http://example.invalid/x.css">',
    )
    client.force_login(teamchef)
    response = client.get(f"/gesprekken/{gesprek.pk}/verslag.pdf")
    tekst = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "file:///etc/passwd" in tekst  # shown as text, never loaded


def test_the_print_view_has_the_report_and_no_forms(client, gevoerd, teamchef):
    client.force_login(teamchef)
    html = client.get(f"/gesprekken/{gevoerd.pk}/verslag/").content.decode()
    assert "<h1>Verslag: Teamgesprek interne opgaven</h1>" in html
    assert "Wij werken met clusters; één per wijk." in html
    assert "Fietsverlichting controleren" in html
    assert 'method="post"' not in html.split('<main id="inhoud"')[1].split("</main>")[0]
    assert f'href="/gesprekken/{gevoerd.pk}/verslag.pdf"' in html


def _rows(response) -> list[list[str]]:
    tekst = response.content.decode("utf-8")
    assert tekst.startswith(BOM)
    return list(csv.reader(io.StringIO(tekst[1:])))


def _xlsx_rows(response) -> list[list[str]]:
    """The first sheet's rows as text, an empty cell as "" (as the CSV reads it); every cell
    is text, never a formula or a number."""
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "attachment;" in response["Content-Disposition"]
    blad = load_workbook(io.BytesIO(response.content)).worksheets[0]
    assert blad.freeze_panes == "A2"
    for rij in blad.iter_rows():
        for cel in rij:
            assert cel.data_type != "f"
            assert cel.value is None or isinstance(cel.value, str)
    return [["" if cel is None else cel for cel in rij] for rij in blad.values]


def test_the_gesprek_xlsx_reads_back_to_the_rows_of_the_csv(client, gevoerd, collega):
    """Dutch Excel opens a comma-separated CSV in one column: the workbook beside it holds
    the same rows, the formula made harmless text the same way."""
    client.force_login(collega)
    csv_rows = _rows(client.get(f"/gesprekken/{gevoerd.pk}/gesprek.csv"))
    response = client.get(f"/gesprekken/{gevoerd.pk}/gesprek.xlsx")
    assert f'filename="gesprek-{gevoerd.pk}-2026-03-10.xlsx"' in response["Content-Disposition"]
    xlsx_rows = _xlsx_rows(response)
    assert xlsx_rows == csv_rows
    assert len(xlsx_rows) > 15
    assert "'=SOM(A1) en ‘ruimte’ — écht" in [row[2] for row in xlsx_rows]


def test_the_afspraken_xlsx_reads_back_to_the_rows_of_the_csv(client, gevoerd, collega):
    client.force_login(collega)
    for query in ["", "?status=openstaand", "?status=klaar"]:
        csv_rows = _rows(client.get(f"/teams/utrecht-centrum/afspraken.csv{query}"))
        response = client.get(f"/teams/utrecht-centrum/afspraken.xlsx{query}")
        assert 'filename="afspraken-utrecht-centrum.xlsx"' in response["Content-Disposition"]
        assert _xlsx_rows(response) == csv_rows, query


def test_the_xlsx_drops_what_a_workbook_cannot_hold(client, gesprek, teamchef):
    """A control character (pasted from another program) cannot be in the XML of a
    workbook: it is left out, and the file still opens."""
    services.leg_antwoord_vast(gesprek.antwoorden.get(volgorde=1), teamchef, 1, "a\x0bb\x01c")
    client.force_login(teamchef)
    rows = _xlsx_rows(client.get(f"/gesprekken/{gesprek.pk}/gesprek.xlsx"))
    assert next(row[2] for row in rows if row[0] == "Antwoord") == "abc"


def test_the_pages_link_both_files(client, gevoerd, collega):
    client.force_login(collega)
    html = client.get(f"/gesprekken/{gevoerd.pk}/").content.decode()
    assert f'href="/gesprekken/{gevoerd.pk}/gesprek.csv"' in html
    assert f'href="/gesprekken/{gevoerd.pk}/gesprek.xlsx"' in html
    html = client.get("/teams/utrecht-centrum/afspraken/?status=klaar").content.decode()
    assert 'href="/teams/utrecht-centrum/afspraken.csv?status=klaar"' in html
    assert 'href="/teams/utrecht-centrum/afspraken.xlsx?status=klaar"' in html


def test_the_gesprek_csv_parses_back_to_the_same_rows(client, gevoerd, collega):
    client.force_login(collega)
    response = client.get(f"/gesprekken/{gevoerd.pk}/gesprek.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment;" in response["Content-Disposition"]
    rows = _rows(response)
    antwoorden = list(gevoerd.antwoorden.select_related("bijgewerkt_door").order_by("volgorde"))
    top3 = antwoorden[2]
    wijkschouw, leren, verslag = gevoerd.afspraken.order_by("pk")
    oud = gevoerd.oud
    oud.refresh_from_db()

    def tijd(waarde):
        return veilige_cel(waarde)

    assert rows == [
        ["Onderdeel", "Vraag of gegeven", "Tekst", "Eigenaar", "Streefdatum", "Status",
         "Opgave", "Bijgewerkt door", "Bijgewerkt op"],
        ["Gesprek", "Basisteam", "Basisteam Utrecht-Centrum", "", "", "", "", "", ""],
        ["Gesprek", "Titel", "Teamgesprek interne opgaven", "", "", "", "", "", ""],
        ["Gesprek", "Datum", "2026-03-10", "", "", "", "", "", ""],
        ["Gesprek", "Status", "gevoerd", "", "", "", "", "", ""],
        ["Gesprek", "Gespreksleidraad", "Vragen bij de interne opgaven", "", "", "", "", "", ""],
        ["Gesprek", "Gespreksleider", "Gijs Gespreksleider", "", "", "", "", "", ""],
        ["Gesprek", "Deelnemers", "wijkagenten, gemeente", "", "", "", "", "", ""],
        ["Gesprek", "Opgaven",
         "5. De teams en teamchefs in positie brengen; 6. 'Klein' binnen 'groot' organiseren",
         "", "", "", "", "", ""],
        ["Gesprek", "Wie mag het lezen", "alleen het team", "", "", "", "", "", ""],
        ["Gesprek", "Samenvatting", "", "", "", "", "", "", ""],
        ["Antwoord", antwoorden[0].vraag_tekst, "Wij werken met clusters; één per wijk.",
         "", "", "", "", "Gijs Gespreksleider", tijd(antwoorden[0].bijgewerkt_op)],
        # A formula is made harmless text for spreadsheet programs.
        ["Antwoord", antwoorden[1].vraag_tekst, "'=SOM(A1) en ‘ruimte’ — écht",
         "", "", "", "", "Gijs Gespreksleider", tijd(antwoorden[1].bijgewerkt_op)],
        ["Antwoord", top3.vraag_tekst, "", "", "", "", "", "", ""],
        ["Afspraak", top3.vraag_tekst, "Wijkschouw met de gemeente", "Carla Collega",
         "2026-04-01", "open", "6. 'Klein' binnen 'groot' organiseren", "Gijs Gespreksleider",
         tijd(wijkschouw.bijgewerkt_op)],
        ["Afspraak", top3.vraag_tekst, "Leren van Heuvelrug", "", "", "open", "",
         "Gijs Gespreksleider", tijd(leren.bijgewerkt_op)],
        ["Afspraak", "", "Verslag naar de burgemeester", "", "", "open", "", "Tom Teamchef",
         tijd(verslag.bijgewerkt_op)],
        ["Afspraak uit een eerder gesprek", "", "Fietsverlichting controleren", "Bo", "",
         "open", "", "Tom Teamchef", tijd(oud.bijgewerkt_op)],
    ]  # fmt: skip


def test_the_team_afspraken_csv_parses_back_with_the_questions(client, gevoerd, collega):
    client.force_login(collega)
    response = client.get("/teams/utrecht-centrum/afspraken.csv?status=openstaand")
    assert 'filename="afspraken-utrecht-centrum.csv"' in response["Content-Disposition"]
    rows = _rows(response)
    assert rows[0] == [
        "Gesprek", "Datum van het gesprek", "Vraag", "Afspraak", "Opgave", "Eigenaar",
        "Streefdatum", "Status", "Over tijd", "Bijgewerkt door", "Bijgewerkt op",
    ]  # fmt: skip
    vraag = gevoerd.antwoorden.get(vraag__soort=Gespreksvraag.Soort.TOP3).vraag_tekst
    per_afspraak = {row[3]: row for row in rows[1:]}
    assert list(per_afspraak) == [
        "Wijkschouw met de gemeente",  # the nearest target date first
        "Leren van Heuvelrug",
        "Verslag naar de burgemeester",
        "Fietsverlichting controleren",
    ]
    wijkschouw = per_afspraak["Wijkschouw met de gemeente"]
    assert wijkschouw[:10] == [
        "Teamgesprek interne opgaven", "2026-03-10", vraag, "Wijkschouw met de gemeente",
        "6. 'Klein' binnen 'groot' organiseren", "Carla Collega", "2026-04-01", "open",
        wijkschouw[8], "Gijs Gespreksleider",
    ]  # fmt: skip
    assert wijkschouw[8] in {"ja", "nee"}
    assert per_afspraak["Fietsverlichting controleren"][:4] == [
        "Winteroverleg", "2026-01-05", "", "Fietsverlichting controleren",
    ]  # fmt: skip


def test_exports_are_available_at_any_status(client, gesprek, teamchef):
    client.force_login(teamchef)
    for status in ["gepland", "gevoerd", "afgerond"]:
        Gesprek.objects.filter(pk=gesprek.pk).update(status=status)
        for pad in ["gesprek.csv", "verslag/"]:
            assert client.get(f"/gesprekken/{gesprek.pk}/{pad}").status_code == 200


@pytest.mark.parametrize(
    ("waarde", "cel"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6", "'+31 6"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\uff1d1+1", "'\uff1d1+1"),  # a full-width “=”
        # A leading “-” followed by what computes or calls something.
        ("-2+3", "'-2+3"),
        ("-5*3", "'-5*3"),
        ("-1 - 2", "'-1 - 2"),
        ("--1", "'--1"),
        ("-=1", "'-=1"),
        ("-+1", "'-+1"),
        ("-@SUM(1)", "'-@SUM(1)"),
        ("-(1)", "'-(1)"),
        ("-SOM(A1:A3)", "'-SOM(A1:A3)"),
        ('- HYPERLINK("http://x.invalid")', '\'- HYPERLINK("http://x.invalid")'),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("-Blad1!A1", "'-Blad1!A1"),
        ("-A1", "'-A1"),
        ("-$B$2*2", "'-$B$2*2"),
        (None, ""),
        (datetime.date(2026, 1, 2), "2026-01-02"),
    ],
)
def test_cells_that_spreadsheets_would_run_are_made_text(waarde, cel):
    assert veilige_cel(waarde) == cel


@pytest.mark.parametrize(
    "tekst",
    [
        "gewoon",
        "- een lijstje",
        "- melk\n- brood\n- kaas",
        "-5 graden",
        "-5 tot -10 graden",
        "-5",
        "-2,5",
        "-5%",
        "- melk (halfvol)",
        "- Let op!",
        "- boter & kaas; brood",
        "-ish",
        "e-mail: a@b.invalid",
        "'t Gooi",
    ],
)
def test_plain_text_reads_back_exactly(client, gesprek, teamchef, tekst):
    assert veilige_cel(tekst) == tekst
    services.leg_antwoord_vast(gesprek.antwoorden.get(volgorde=1), teamchef, 1, tekst)
    client.force_login(teamchef)
    rows = _rows(client.get(f"/gesprekken/{gesprek.pk}/gesprek.csv"))
    assert next(row[2] for row in rows if row[0] == "Antwoord") == tekst


def test_carried_over_afspraken_have_their_question_in_the_csv(
    client, gesprek, maak_gesprek, teamchef
):
    """An afspraak of the drie dingen of an earlier gesprek, carried over: its question, as
    it was asked then, is in the CSV of the later gesprek."""
    top3 = gesprek.antwoorden.get(vraag__soort=Gespreksvraag.Soort.TOP3)
    services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Wijkschouw"}], vraag=top3.vraag)
    Gespreksvraag.objects.filter(pk=top3.vraag_id).update(tekst="Herschreven")
    later = maak_gesprek(titel="Later", datum=gesprek.datum + datetime.timedelta(days=30))
    client.force_login(teamchef)
    rows = _rows(client.get(f"/gesprekken/{later.pk}/gesprek.csv"))
    assert [row[:3] for row in rows if row[0] == "Afspraak uit een eerder gesprek"] == [
        ["Afspraak uit een eerder gesprek", top3.vraag_tekst, "Wijkschouw"]
    ]


class TestWithoutWeasyPrint:
    """The PDF needs WeasyPrint and Pango from the system. Without them the reader gets a
    page that says so and points to the print view, not a bare server error."""

    def _assert_verwijst_naar_printversie(self, response, gesprek) -> None:
        assert response.status_code == 503
        html = response.content.decode()
        assert "De pdf kan nu niet worden gemaakt" in html
        assert f'href="/gesprekken/{gesprek.pk}/verslag/"' in html

    def test_weasyprint_not_installed(self, client, gesprek, teamchef, monkeypatch, caplog):
        monkeypatch.setitem(sys.modules, "weasyprint", None)  # import weasyprint fails
        client.force_login(teamchef)
        response = client.get(f"/gesprekken/{gesprek.pk}/verslag.pdf")
        self._assert_verwijst_naar_printversie(response, gesprek)
        assert "could not be made" in caplog.text

    def test_the_system_libraries_missing(self, client, gesprek, teamchef, monkeypatch):
        def zonder_pango(html):
            raise OSError("cannot load library 'libpango-1.0-0'")

        monkeypatch.setattr(verslag, "maak_pdf", zonder_pango)
        client.force_login(teamchef)
        response = client.get(f"/gesprekken/{gesprek.pk}/verslag.pdf")
        self._assert_verwijst_naar_printversie(response, gesprek)
