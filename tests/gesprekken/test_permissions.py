"""Who may see and do what, page by page and persona by persona, and the attempts to reach
another team's gesprek or afspraak by URL or by a form field (IDOR)."""

import datetime
import io

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from gesprekken import services
from gesprekken.models import Afspraak, Antwoord, Gesprek, Zichtbaarheid
from opgaven.models import Gespreksvraag
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

TEAM = "/teams/utrecht-centrum"

# A gesprek of the team, visible to the team only.
LEZEN_TEAM = {
    "anonymous": 302,
    "collega": 200,
    "teamchef": 200,
    "teamchef_ander_team": 404,
    "redacteur": 404,
    "beheerder": 200,
}
# Shared with the whole police: every logged-in colleague reads it.
LEZEN_GEDEELD = dict.fromkeys(PERSONAS, 200) | {"anonymous": 302}
# Editing the details, changing the status, starting a gesprek: teamchef and beheerder.
BEHEREN_TEAM = LEZEN_TEAM | {"collega": 403}
BEHEREN_GEDEELD = {
    "anonymous": 302,
    "collega": 403,
    "teamchef": 200,
    "teamchef_ander_team": 403,
    "redacteur": 403,
    "beheerder": 200,
}
OPENBAAR_TEAM = dict.fromkeys(PERSONAS, 200) | {"anonymous": 302}
NIEUW = BEHEREN_GEDEELD  # the team profile is public: others get 403


@pytest.fixture
def afspraak(gesprek, teamchef) -> Afspraak:
    return services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Wijkschouw"}])[0]


@pytest.fixture
def gedeelde_afspraak(gedeeld_gesprek, teamchef) -> Afspraak:
    return services.maak_afspraken(gedeeld_gesprek, teamchef, [{"omschrijving": "Gedeeld"}])[0]


def _xlsx_tekst(response) -> str:
    werkboek = load_workbook(io.BytesIO(response.content), read_only=True)
    return " ".join(str(cel) for rij in werkboek.active.values for cel in rij if cel)


def _login_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("pad", ["", "verslag/", "verslag.pdf", "gesprek.csv", "gesprek.xlsx"])
def test_reading_a_team_only_gesprek(as_persona, gesprek, persona, pad):
    response = as_persona(persona).get(f"/gesprekken/{gesprek.pk}/{pad}")
    assert response.status_code == LEZEN_TEAM[persona]
    if persona == "anonymous":
        assert _login_redirect(response)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("pad", ["", "verslag/", "gesprek.csv", "gesprek.xlsx"])
def test_reading_a_shared_gesprek(as_persona, gedeeld_gesprek, persona, pad):
    response = as_persona(persona).get(f"/gesprekken/{gedeeld_gesprek.pk}/{pad}")
    assert response.status_code == LEZEN_GEDEELD[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_editing_the_details(as_persona, gesprek, gedeeld_gesprek, persona):
    client = as_persona(persona)
    assert client.get(f"/gesprekken/{gesprek.pk}/bewerken/").status_code == BEHEREN_TEAM[persona]
    gedeeld = client.get(f"/gesprekken/{gedeeld_gesprek.pk}/bewerken/")
    assert gedeeld.status_code == BEHEREN_GEDEELD[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_team_pages(as_persona, team, persona):
    client = as_persona(persona)
    for pad in ["gesprekken/", "afspraken/", "afspraken.csv", "afspraken.xlsx"]:
        assert client.get(f"{TEAM}/{pad}").status_code == OPENBAAR_TEAM[persona], pad
    assert client.get(f"{TEAM}/gesprekken/nieuw/").status_code == NIEUW[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_reading_an_afspraak(as_persona, afspraak, gedeelde_afspraak, persona):
    client = as_persona(persona)
    assert client.get(f"/gesprekken/afspraken/{afspraak.pk}/").status_code == LEZEN_TEAM[persona]
    gedeeld = client.get(f"/gesprekken/afspraken/{gedeelde_afspraak.pk}/")
    assert gedeeld.status_code == LEZEN_GEDEELD[persona]


def test_the_gespreksleider_reads_and_records_but_does_not_manage(client, gesprek, gespreksleider):
    client.force_login(gespreksleider)
    assert client.get(f"/gesprekken/{gesprek.pk}/").status_code == 200
    assert client.get(f"/gesprekken/{gesprek.pk}/bewerken/").status_code == 403
    response = client.post(f"/gesprekken/{gesprek.pk}/status/", _status_post(gesprek, "gevoerd"))
    assert response.status_code == 403
    gesprek.refresh_from_db()
    assert gesprek.status == "gepland"


def test_a_gespreksleider_who_left_the_team_loses_the_gesprek(client, gesprek, gespreksleider):
    gespreksleider.lidmaatschappen.all().delete()
    client.force_login(gespreksleider)
    assert client.get(f"/gesprekken/{gesprek.pk}/").status_code == 404


def test_unknown_ids_are_404(client, teamchef):
    client.force_login(teamchef)
    for url in [
        "/gesprekken/999999/",
        "/gesprekken/999999/verslag.pdf",
        "/gesprekken/afspraken/999999/",
        "/teams/bestaat-niet/gesprekken/",
        "/teams/bestaat-niet/gesprekken/nieuw/",
        "/teams/bestaat-niet/afspraken/",
        "/gesprekken/abc/",
        "/gesprekken/-1/",
    ]:
        assert client.get(url).status_code == 404, url


# --- Posting, per persona ---------------------------------------------------------------------

SCHRIJVEN_TEAM = {
    "anonymous": 302,
    "collega": 403,
    "teamchef": 302,
    "teamchef_ander_team": 404,
    "redacteur": 404,
    "beheerder": 302,
}


def _antwoord_url(gesprek: Gesprek, antwoord: Antwoord) -> str:
    return f"/gesprekken/{gesprek.pk}/antwoorden/{antwoord.pk}/"


def _antwoord_post(antwoord: Antwoord, tekst: str) -> dict:
    return {
        f"antwoord-{antwoord.pk}-tekst": tekst,
        f"antwoord-{antwoord.pk}-versie": antwoord.versie,
    }


def _status_post(gesprek: Gesprek, naar: str) -> dict:
    return {"naar": naar, "versie": gesprek.versie}


def _afspraak_status_post(afspraak: Afspraak, status: str) -> dict:
    return {
        f"afspraak-{afspraak.pk}-status": status,
        f"afspraak-{afspraak.pk}-versie": afspraak.versie,
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_recording_an_answer_per_persona(as_persona, gesprek, persona):
    antwoord = gesprek.antwoorden.get(volgorde=1)
    response = as_persona(persona).post(
        _antwoord_url(gesprek, antwoord), _antwoord_post(antwoord, "Ingevuld")
    )
    assert response.status_code == SCHRIJVEN_TEAM[persona]
    antwoord.refresh_from_db()
    assert (antwoord.tekst == "Ingevuld") == (
        SCHRIJVEN_TEAM[persona] == 302 and persona != "anonymous"
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_recording_in_a_shared_gesprek_per_persona(as_persona, gedeeld_gesprek, persona):
    antwoord = gedeeld_gesprek.antwoorden.get(volgorde=1)
    response = as_persona(persona).post(
        _antwoord_url(gedeeld_gesprek, antwoord), _antwoord_post(antwoord, "Ingevuld")
    )
    verwacht = {"anonymous": 302, "teamchef": 302, "beheerder": 302}.get(persona, 403)
    assert response.status_code == verwacht
    antwoord.refresh_from_db()
    assert (antwoord.tekst == "Ingevuld") == (persona in {"teamchef", "beheerder"})


@pytest.mark.parametrize("persona", PERSONAS)
def test_changing_the_status_per_persona(as_persona, gesprek, persona):
    response = as_persona(persona).post(
        f"/gesprekken/{gesprek.pk}/status/", _status_post(gesprek, "gevoerd")
    )
    assert response.status_code == SCHRIJVEN_TEAM[persona]
    gesprek.refresh_from_db()
    assert (gesprek.status == "gevoerd") == (persona in {"teamchef", "beheerder"})


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_forms_of_the_gesprek_page_per_persona(as_persona, gesprek, afspraak, persona):
    """A new afspraak, the drie dingen and an afspraak's status, each at its own address."""
    top3 = gesprek.antwoorden.get(vraag__soort=Gespreksvraag.Soort.TOP3)
    client = as_persona(persona)
    for pad, data in [
        ("afspraken/nieuw/", {"nieuw-omschrijving": "Nieuw"}),
        (f"top3/{top3.pk}/", {f"top3-{top3.pk}-1-omschrijving": "Top"}),
        (f"afspraken/{afspraak.pk}/status/", _afspraak_status_post(afspraak, "klaar")),
    ]:
        response = client.post(f"/gesprekken/{gesprek.pk}/{pad}", data)
        assert response.status_code == SCHRIJVEN_TEAM[persona], pad
        if persona == "anonymous":
            assert _login_redirect(response)
    afspraak.refresh_from_db()
    mag = persona in {"teamchef", "beheerder"}
    assert (afspraak.status == "klaar") == mag
    assert Afspraak.objects.filter(omschrijving__in=["Nieuw", "Top"]).count() == 2 * mag


@pytest.mark.parametrize("persona", PERSONAS)
def test_changing_an_afspraak_per_persona(as_persona, afspraak, persona):
    response = as_persona(persona).post(
        f"/gesprekken/afspraken/{afspraak.pk}/",
        {"omschrijving": "Gewijzigd", "status": "klaar", "versie": afspraak.versie},
    )
    assert response.status_code == SCHRIJVEN_TEAM[persona]
    afspraak.refresh_from_db()
    assert (afspraak.status == "klaar") == (persona in {"teamchef", "beheerder"})


@pytest.mark.parametrize("persona", PERSONAS)
def test_creating_a_gesprek_per_persona(as_persona, team, leidraad, persona):
    as_persona(persona).post(
        f"{TEAM}/gesprekken/nieuw/",
        {
            "titel": "Nieuw",
            "datum": "2026-04-01",
            "leidraad": leidraad.pk,
            "zichtbaarheid": "team",
        },
    )
    assert Gesprek.objects.filter(titel="Nieuw").exists() == (persona in {"teamchef", "beheerder"})


# --- Another team's ids ------------------------------------------------------------------------


@pytest.fixture
def eigen_gesprek(maak_gesprek, ander_team, teamchef_ander_team):
    """A gesprek of the other team, held by its own teamchef."""
    return maak_gesprek(team=ander_team, door=teamchef_ander_team, titel="Heuvelrug")


def test_another_teams_ids_in_the_form_fields_change_nothing(
    client, gesprek, afspraak, eigen_gesprek, teamchef_ander_team
):
    """The teamchef of team B, on the page of a gesprek of team B, names team A's answer,
    afspraak and top-3 question in the form: nothing of team A changes."""
    client.force_login(teamchef_ander_team)
    url = f"/gesprekken/{eigen_gesprek.pk}/"
    vreemd_antwoord = gesprek.antwoorden.get(volgorde=1)
    vreemd_top3 = gesprek.antwoorden.get(vraag__soort=Gespreksvraag.Soort.TOP3)
    pogingen = [
        (f"antwoorden/{vreemd_antwoord.pk}/", _antwoord_post(vreemd_antwoord, "Gekaapt")),
        (f"afspraken/{afspraak.pk}/status/", _afspraak_status_post(afspraak, "vervallen")),
        (f"top3/{vreemd_top3.pk}/", {f"top3-{vreemd_top3.pk}-1-omschrijving": "Gekaapt"}),
    ]
    for pad, data in pogingen:
        # Not part of this gesprek: as if it did not exist.
        assert client.post(f"{url}{pad}", data).status_code == 404, pad
    vreemd_antwoord.refresh_from_db()
    afspraak.refresh_from_db()
    assert vreemd_antwoord.tekst == ""
    assert afspraak.status == "open"
    assert not Afspraak.objects.filter(omschrijving="Gekaapt").exists()


def test_another_teams_gesprek_and_afspraak_by_url(client, gesprek, afspraak, teamchef_ander_team):
    client.force_login(teamchef_ander_team)
    antwoord = gesprek.antwoorden.get(volgorde=1)
    assert (
        client.post(_antwoord_url(gesprek, antwoord), _antwoord_post(antwoord, "x")).status_code
        == 404
    )
    for pad, data in [
        ("status/", _status_post(gesprek, "gevoerd")),
        ("afspraken/nieuw/", {"nieuw-omschrijving": "x"}),
        (f"afspraken/{afspraak.pk}/status/", _afspraak_status_post(afspraak, "klaar")),
    ]:
        assert client.post(f"/gesprekken/{gesprek.pk}/{pad}", data).status_code == 404, pad
    assert (
        client.post(
            f"/gesprekken/afspraken/{afspraak.pk}/",
            {"omschrijving": "x", "status": "klaar", "versie": 1},
        ).status_code
        == 404
    )
    assert client.post(f"/gesprekken/{gesprek.pk}/bewerken/", {"titel": "x"}).status_code == 404
    assert client.post(f"{TEAM}/gesprekken/nieuw/", {"titel": "x"}).status_code == 403
    antwoord.refresh_from_db()
    afspraak.refresh_from_db()
    gesprek.refresh_from_db()
    assert (antwoord.tekst, afspraak.status, gesprek.titel) == (
        "",
        "open",
        "Teamgesprek interne opgaven",
    )


def test_a_gespreksleider_from_another_team_is_refused(
    client, team, teamchef, leidraad, teamchef_ander_team, gesprek
):
    client.force_login(teamchef)
    data = {
        "titel": "Met een vreemde leider",
        "datum": "2026-04-01",
        "leidraad": leidraad.pk,
        "gespreksleider": teamchef_ander_team.pk,
        "zichtbaarheid": "team",
    }
    response = client.post(f"{TEAM}/gesprekken/nieuw/", data)
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not Gesprek.objects.filter(titel="Met een vreemde leider").exists()
    # The same in the edit form of an existing gesprek.
    data |= {"versie": gesprek.versie, "titel": "Gewijzigd"}
    response = client.post(f"/gesprekken/{gesprek.pk}/bewerken/", data)
    assert response.status_code == 200
    gesprek.refresh_from_db()
    assert gesprek.gespreksleider.naam == "Gijs Gespreksleider"


def test_outsiders_see_only_the_shared_afspraken_of_a_team(
    client, afspraak, gedeelde_afspraak, teamchef_ander_team, redacteur, collega
):
    for user, verwacht in [
        (teamchef_ander_team, {"Gedeeld"}),
        (redacteur, {"Gedeeld"}),
        (collega, {"Gedeeld", "Wijkschouw"}),
    ]:
        client.force_login(user)
        response = client.get(f"{TEAM}/afspraken/")
        assert {a.omschrijving for a in response.context["pagina"]} == verwacht
        csv = client.get(f"{TEAM}/afspraken.csv").content.decode("utf-8-sig")
        assert ("Wijkschouw" in csv) == ("Wijkschouw" in verwacht)
        xlsx = _xlsx_tekst(client.get(f"{TEAM}/afspraken.xlsx"))
        assert ("Wijkschouw" in xlsx) == ("Wijkschouw" in verwacht)


def test_outsiders_see_only_the_shared_gesprekken_of_a_team(
    client, gesprek, gedeeld_gesprek, teamchef_ander_team, collega
):
    client.force_login(teamchef_ander_team)
    response = client.get(f"{TEAM}/gesprekken/")
    assert [g.titel for g in response.context["pagina"]] == ["Gedeeld gesprek"]
    profiel = client.get(f"{TEAM}/").content.decode()
    assert "Gedeeld gesprek" in profiel
    assert f"/gesprekken/{gesprek.pk}/" not in profiel
    client.force_login(collega)
    response = client.get(f"{TEAM}/gesprekken/")
    assert len(response.context["pagina"]) == 2


def test_visibility_follows_the_gesprek(gesprek, afspraak, teamchef_ander_team):
    assert not Gesprek.objects.zichtbaar_voor(teamchef_ander_team).exists()
    assert not Afspraak.objects.zichtbaar_voor(teamchef_ander_team).exists()
    Gesprek.objects.filter(pk=gesprek.pk).update(zichtbaarheid=Zichtbaarheid.POLITIE)
    assert Gesprek.objects.zichtbaar_voor(teamchef_ander_team).count() == 1
    assert Afspraak.objects.zichtbaar_voor(teamchef_ander_team).count() == 1


# --- What a shared gesprek shows of the team's other gesprekken ------------------------------


def _pdf_tekst(response) -> str:
    pdf = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)


@pytest.fixture
def gedeeld_na_teamgesprek(maak_gesprek, teamchef):
    """A gesprek shared with the whole police, after a team-only gesprek and a shared one
    of the same team, each with an afspraak that is still open and carries over."""
    geheim = maak_gesprek(titel="Geheim overleg", datum=datetime.date(2026, 1, 5))
    services.maak_afspraken(geheim, teamchef, [{"omschrijving": "Geheime afspraak"}])
    eerder = maak_gesprek(
        titel="Open winteroverleg",
        datum=datetime.date(2026, 2, 5),
        zichtbaarheid=Zichtbaarheid.POLITIE,
    )
    services.maak_afspraken(eerder, teamchef, [{"omschrijving": "Gedeelde afspraak"}])
    return maak_gesprek(
        titel="Open voorjaarsoverleg",
        datum=datetime.date(2026, 3, 10),
        zichtbaarheid=Zichtbaarheid.POLITIE,
    )


@pytest.mark.parametrize(
    ("persona", "ziet_teamgesprek"),
    [
        ("teamchef_ander_team", False),
        ("redacteur", False),
        ("collega", True),
        ("teamchef", True),
        ("beheerder", True),
    ],
)
def test_a_shared_gesprek_carries_over_only_afspraken_the_reader_may_see(
    as_persona, gedeeld_na_teamgesprek, persona, ziet_teamgesprek
):
    """Someone outside the team reads a shared gesprek: the afspraken of the team's
    team-only gesprekken stay out of the page, the print view, the PDF and the CSV."""
    client = as_persona(persona)
    url = f"/gesprekken/{gedeeld_na_teamgesprek.pk}/"
    response = client.get(url)
    verwacht = ["Geheime afspraak", "Gedeelde afspraak"] if ziet_teamgesprek else []
    verwacht = verwacht or ["Gedeelde afspraak"]
    assert [a.omschrijving for a, _form in response.context["eerdere"]] == verwacht
    teksten = {
        "page": response.content.decode(),
        "verslag/": client.get(f"{url}verslag/").content.decode(),
        "gesprek.csv": client.get(f"{url}gesprek.csv").content.decode("utf-8-sig"),
        "gesprek.xlsx": _xlsx_tekst(client.get(f"{url}gesprek.xlsx")),
        "verslag.pdf": _pdf_tekst(client.get(f"{url}verslag.pdf")),
    }
    for pad, tekst in teksten.items():
        assert "Gedeelde afspraak" in tekst, pad
        assert ("Geheime afspraak" in tekst) == ziet_teamgesprek, pad
        if pad not in ("gesprek.csv", "gesprek.xlsx"):  # they do not name an afspraak's gesprek
            assert ("Geheim overleg" in tekst) == ziet_teamgesprek, pad


@pytest.mark.parametrize(
    ("persona", "ziet_teamgesprek"),
    [
        ("teamchef_ander_team", False),
        ("redacteur", False),
        ("collega", True),
        ("beheerder", True),
    ],
)
def test_the_history_names_a_team_only_gesprek_only_to_who_may_read_it(
    as_persona, maak_gesprek, teamchef, persona, ziet_teamgesprek
):
    """An afspraak of a shared gesprek, followed up in a team-only gesprek and then in a
    shared one: its history shows the team-only gesprek's title only to the team."""
    gedeeld = maak_gesprek(
        titel="Open overleg", datum=datetime.date(2026, 3, 10), zichtbaarheid=Zichtbaarheid.POLITIE
    )
    (afspraak,) = services.maak_afspraken(gedeeld, teamchef, [{"omschrijving": "Wijkschouw"}])
    geheim = maak_gesprek(titel="Geheim vervolg", datum=datetime.date(2026, 4, 10))
    services.werk_afspraak_bij(afspraak, teamchef, 1, {"status": "loopt"}, in_gesprek=geheim)
    vervolg = maak_gesprek(
        titel="Open vervolg", datum=datetime.date(2026, 5, 10), zichtbaarheid=Zichtbaarheid.POLITIE
    )
    services.werk_afspraak_bij(afspraak, teamchef, 2, {"status": "klaar"}, in_gesprek=vervolg)
    client = as_persona(persona)
    for url in [
        f"/gesprekken/{gedeeld.pk}/",
        f"/gesprekken/{vervolg.pk}/",
        f"/gesprekken/afspraken/{afspraak.pk}/",
    ]:
        html = client.get(url).content.decode()
        assert "in “Open vervolg”" in html or url.endswith(f"/{vervolg.pk}/"), url
        assert ("Geheim vervolg" in html) == ziet_teamgesprek, url
        assert html.count("Gewijzigd") == 2, url  # both changes are listed, titled or not
