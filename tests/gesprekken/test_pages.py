"""The gesprek pages as a teamchef uses them: the whole flow, conflicts in the page, input
that is kept on every error, and bad input that never becomes a 500. Each form of the
gesprek page posts to its own address; the helpers below post them as the page does."""

import datetime
import io

import pytest
from django.utils import timezone
from django.utils.html import escape
from pypdf import PdfReader

from core.versies import CONFLICT_MELDING
from gesprekken import services
from gesprekken.models import Afspraak, Gesprek
from opgaven.models import Gespreksvraag, Opgave

pytestmark = pytest.mark.django_db

TEAM = "/teams/utrecht-centrum"


def _html(response) -> str:
    return response.content.decode()


def _top3_vraag(gesprek):
    return gesprek.antwoorden.get(vraag__soort=Gespreksvraag.Soort.TOP3)


def _conflict(html: str) -> bool:
    return escape(str(CONFLICT_MELDING)) in html


def _antwoord(client, gesprek, antwoord, tekst, versie=None, **extra):
    return client.post(
        f"/gesprekken/{gesprek.pk}/antwoorden/{antwoord.pk}/",
        {
            f"antwoord-{antwoord.pk}-tekst": tekst,
            f"antwoord-{antwoord.pk}-versie": antwoord.versie if versie is None else versie,
        },
        **extra,
    )


def _top3(client, gesprek, top3, data: dict):
    return client.post(f"/gesprekken/{gesprek.pk}/top3/{top3.pk}/", data)


def _nieuw(client, gesprek, data: dict):
    return client.post(f"/gesprekken/{gesprek.pk}/afspraken/nieuw/", data)


def _afspraak_status(client, gesprek, afspraak, status, versie=None):
    return client.post(
        f"/gesprekken/{gesprek.pk}/afspraken/{afspraak.pk}/status/",
        {
            f"afspraak-{afspraak.pk}-status": status,
            f"afspraak-{afspraak.pk}-versie": afspraak.versie if versie is None else versie,
        },
    )


def _status(client, gesprek, naar):
    gesprek.refresh_from_db()
    return client.post(
        f"/gesprekken/{gesprek.pk}/status/", {"naar": naar, "versie": gesprek.versie}
    )


def test_the_whole_flow(client, team, teamchef, gespreksleider, leidraad):
    """Create, record answers and the drie dingen, carry over, close, report."""
    client.force_login(teamchef)
    # Create
    opgave = Opgave.objects.get(nummer=6)
    response = client.post(
        f"{TEAM}/gesprekken/nieuw/",
        {
            "titel": "Voorjaarsgesprek",
            "datum": "2026-03-10",
            "leidraad": leidraad.pk,
            "opgaven": [opgave.pk],
            "gespreksleider": gespreksleider.pk,
            "deelnemers": "wijkagenten, gemeente, woningcorporatie",
            "zichtbaarheid": "team",
        },
    )
    eerste = Gesprek.objects.get(titel="Voorjaarsgesprek")
    assert response["Location"] == f"/gesprekken/{eerste.pk}/"
    assert (eerste.basisteam, eerste.gespreksleider, eerste.aangemaakt_door) == (
        team,
        gespreksleider,
        teamchef,
    )
    assert list(eerste.opgaven.all()) == [opgave]

    # The gespreksleider records an answer and the drie dingen
    client.force_login(gespreksleider)
    antwoord = eerste.antwoorden.get(volgorde=1)
    response = _antwoord(client, eerste, antwoord, "We werken in clusters.\r\nElke week.")
    # Back to the confirmation in the question's place (see test_bevestiging.py).
    assert response["Location"] == f"/gesprekken/{eerste.pk}/#vraag-{antwoord.pk}-melding"
    antwoord.refresh_from_db()
    assert antwoord.tekst == "We werken in clusters.\nElke week."
    top3 = _top3_vraag(eerste)
    response = _top3(
        client,
        eerste,
        top3,
        {
            f"top3-{top3.pk}-1-omschrijving": "Wijkschouw met de gemeente",
            f"top3-{top3.pk}-1-eigenaar": "Carla Collega",
            f"top3-{top3.pk}-1-streefdatum": "2026-04-01",
            f"top3-{top3.pk}-1-opgave": opgave.pk,
            f"top3-{top3.pk}-2-omschrijving": "Leren van Heuvelrug",
            f"top3-{top3.pk}-3-omschrijving": "",
        },
    )
    assert response["Location"] == f"/gesprekken/{eerste.pk}/#vraag-{top3.pk}-melding"
    wijkschouw, leren = Afspraak.objects.filter(gesprek=eerste).order_by("pk")
    assert (wijkschouw.vraag, wijkschouw.eigenaar, wijkschouw.opgave) == (
        top3.vraag,
        "Carla Collega",
        opgave,
    )
    assert wijkschouw.streefdatum == datetime.date(2026, 4, 1)
    html = _html(client.get(f"/gesprekken/{eerste.pk}/"))
    assert "Wijkschouw met de gemeente" in html
    assert f'name="top3-{top3.pk}-3-omschrijving"' in html  # one slot left
    assert f'name="top3-{top3.pk}-1-omschrijving"' not in html

    # The teamchef closes the gesprek
    client.force_login(teamchef)
    for naar in ["gevoerd", "afgerond"]:
        assert _status(client, eerste, naar)["Location"] == f"/gesprekken/{eerste.pk}/"
    eerste.refresh_from_db()
    assert eerste.status == "afgerond"
    html = _html(client.get(f"/gesprekken/{eerste.pk}/"))
    assert f'name="antwoord-{antwoord.pk}-tekst"' not in html  # a record now
    assert "We werken in clusters." in html

    # The next gesprek starts with what is still open, and follows it up
    response = client.post(
        f"{TEAM}/gesprekken/nieuw/",
        {
            "titel": "Najaarsgesprek",
            "datum": "2026-09-15",
            "leidraad": leidraad.pk,
            "zichtbaarheid": "politie",
        },
    )
    tweede = Gesprek.objects.get(titel="Najaarsgesprek")
    response = client.get(f"/gesprekken/{tweede.pk}/")
    assert [a for a, _form in response.context["eerdere"]] == [wijkschouw, leren]
    response = _afspraak_status(client, tweede, wijkschouw, "klaar")
    assert response["Location"] == f"/gesprekken/{tweede.pk}/#afspraak-{wijkschouw.pk}"
    wijkschouw.refresh_from_db()
    assert wijkschouw.status == "klaar"
    assert wijkschouw.history.filter(opgevolgd_in=tweede, history_user=teamchef).exists()
    # Done, and still shown in the gesprek where it was closed
    response = client.get(f"/gesprekken/{tweede.pk}/")
    assert [a for a, _form in response.context["eerdere"]] == [wijkschouw, leren]

    # The report
    verslag = _html(client.get(f"/gesprekken/{eerste.pk}/verslag/"))
    assert "We werken in clusters." in verslag
    assert "Wijkschouw met de gemeente" in verslag
    assert "wijkagenten, gemeente, woningcorporatie" in verslag

    # The team profile lists both
    profiel = _html(client.get(f"{TEAM}/"))
    assert "Voorjaarsgesprek" in profiel
    assert "Najaarsgesprek" in profiel
    assert f"{TEAM}/gesprekken/nieuw/" in profiel


class TestConflicts:
    def test_second_save_shows_both_texts_and_keeps_the_typed_one(
        self, client, gesprek, teamchef, gespreksleider
    ):
        antwoord = gesprek.antwoorden.get(volgorde=1)
        client.force_login(gespreksleider)
        _antwoord(client, gesprek, antwoord, "Tekst van de gespreksleider", versie=1)
        client.force_login(teamchef)
        response = _antwoord(client, gesprek, antwoord, "Tekst van de teamchef", versie=1)
        html = _html(response)
        assert response.status_code == 200
        assert _conflict(html)
        assert "Tekst van de teamchef</textarea>" in html  # what they typed
        beside = html.split(f'id="vraag-{antwoord.pk}"')[1].split('class="conflict"')[1]
        assert "Tekst van de gespreksleider" in beside  # what is saved, beside it
        assert "Laatst opgeslagen door Gijs Gespreksleider" in html
        antwoord.refresh_from_db()
        assert antwoord.tekst == "Tekst van de gespreksleider"
        # The form now carries the newer version: saving again replaces it, knowingly.
        assert f'name="antwoord-{antwoord.pk}-versie" value="2"' in html
        response = _antwoord(client, gesprek, antwoord, "Samengevoegd", versie=2)
        assert response.status_code == 302
        antwoord.refresh_from_db()
        assert antwoord.tekst == "Samengevoegd"
        # The replaced text is in the history on the page.
        html = _html(client.get(f"/gesprekken/{gesprek.pk}/"))
        assert "1 eerdere versie" in html
        assert "Tekst van de gespreksleider" in html

    def test_the_edit_form_conflict_shows_the_saved_version(self, client, gesprek, teamchef):
        client.force_login(teamchef)
        data = {
            "titel": "Mijn titel",
            "datum": "2026-03-10",
            "zichtbaarheid": "team",
            "samenvatting": "Mijn samenvatting",
            "versie": 1,
        }
        services.werk_gesprek_bij(gesprek, 1, {"titel": "Hun titel"}, [])
        response = client.post(f"/gesprekken/{gesprek.pk}/bewerken/", data)
        html = _html(response)
        assert _conflict(html)
        assert 'value="Mijn titel"' in html
        assert "Mijn samenvatting</textarea>" in html
        assert "Hun titel" in html
        assert 'name="versie" value="2"' in html
        gesprek.refresh_from_db()
        assert gesprek.titel == "Hun titel"

    def test_an_afspraak_status_conflict_keeps_the_choice(self, client, gesprek, teamchef):
        (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        services.werk_afspraak_bij(afspraak, None, 1, {"status": "loopt"})
        client.force_login(teamchef)
        response = _afspraak_status(client, gesprek, afspraak, "vervallen", versie=1)
        html = _html(response)
        assert response.status_code == 200
        assert _conflict(html)
        assert '<option value="vervallen" selected>' in html
        regel = html.split(f'id="afspraak-{afspraak.pk}"')[1].split("</form>")[0]
        assert "loopt" in regel.split('class="conflict"')[1]  # the status now saved
        assert f'name="afspraak-{afspraak.pk}-versie" value="2"' in regel
        afspraak.refresh_from_db()
        assert afspraak.status == "loopt"

    def test_the_afspraak_page_conflict_keeps_the_typed_text(self, client, gesprek, teamchef):
        (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        services.werk_afspraak_bij(afspraak, None, 1, {"omschrijving": "Hun tekst"})
        client.force_login(teamchef)
        response = client.post(
            f"/gesprekken/afspraken/{afspraak.pk}/",
            {"omschrijving": "Mijn tekst", "status": "open", "versie": 1},
        )
        html = _html(response)
        assert _conflict(html)
        assert "Mijn tekst</textarea>" in html
        assert "Hun tekst" in html
        response = client.post(
            f"/gesprekken/afspraken/{afspraak.pk}/",
            {"omschrijving": "Mijn tekst", "status": "klaar", "eigenaar": "Ik", "versie": 2},
        )
        assert response.status_code == 302
        afspraak.refresh_from_db()
        assert (afspraak.omschrijving, afspraak.status, afspraak.eigenaar) == (
            "Mijn tekst",
            "klaar",
            "Ik",
        )
        historie = _html(client.get(f"/gesprekken/afspraken/{afspraak.pk}/"))
        assert historie.count("<tr>") == 4  # head, recorded, changed twice

    def test_a_stale_status_button_is_a_conflict(self, client, gesprek, teamchef):
        """The buttons were drawn before someone else changed the gesprek."""
        client.force_login(teamchef)
        services.werk_gesprek_bij(gesprek, 1, {"samenvatting": "Hun samenvatting"})
        response = client.post(
            f"/gesprekken/{gesprek.pk}/status/", {"naar": "gevoerd", "versie": 1}
        )
        html = _html(response)
        assert response.status_code == 200
        assert _conflict(html)
        assert "Hun samenvatting" in html  # the page as it is now
        assert 'name="versie" value="2"' in html.split('class="gesprek__status-form"')[1]
        gesprek.refresh_from_db()
        assert (gesprek.status, gesprek.versie) == ("gepland", 2)
        # Pressed again, knowingly.
        assert _status(client, gesprek, "gevoerd").status_code == 302
        gesprek.refresh_from_db()
        assert gesprek.status == "gevoerd"


class TestInputIsKept:
    def test_a_new_gesprek_with_errors_keeps_everything_typed(
        self, client, team, teamchef, gespreksleider
    ):
        client.force_login(teamchef)
        response = client.post(
            f"{TEAM}/gesprekken/nieuw/",
            {
                "titel": "",
                "datum": "31-02-2026",
                "leidraad": "999",
                "gespreksleider": gespreksleider.pk,
                "deelnemers": "gemeente en woningcorporatie",
                "zichtbaarheid": "iedereen",
                "opgaven": ["abc"],
            },
        )
        html = _html(response)
        assert response.status_code == 200
        assert "Er is een probleem" in html
        assert "Dit veld is verplicht." in html
        assert "Voer een geldige datum in." in html
        assert 'value="31-02-2026"' in html
        assert "gemeente en woningcorporatie</textarea>" in html
        assert f'<option value="{gespreksleider.pk}" selected>' in html
        assert not Gesprek.objects.exists()

    def test_a_too_long_afspraak_is_refused_and_kept(self, client, gesprek, teamchef):
        client.force_login(teamchef)
        lang = "x" * 501
        response = _nieuw(client, gesprek, {"nieuw-omschrijving": lang, "nieuw-eigenaar": "Carla"})
        html = _html(response)
        assert "Zorg dat deze waarde niet meer dan 500 tekens bevat" in html
        assert f"{lang}</textarea>" in html
        assert 'value="Carla"' in html
        assert not Afspraak.objects.exists()

    def test_top3_errors_keep_all_slots(self, client, gesprek, teamchef):
        client.force_login(teamchef)
        top3 = _top3_vraag(gesprek)
        response = _top3(
            client,
            gesprek,
            top3,
            {
                f"top3-{top3.pk}-1-omschrijving": "Eerste ding",
                f"top3-{top3.pk}-2-eigenaar": "Alleen een eigenaar",
                f"top3-{top3.pk}-3-streefdatum": "morgen",
            },
        )
        html = _html(response)
        assert response.status_code == 200
        assert "Eerste ding</textarea>" in html
        assert 'value="Alleen een eigenaar"' in html
        assert 'value="morgen"' in html
        assert html.count('id="fouten-') == 1  # one summary for the three slots
        assert not Afspraak.objects.exists()  # all or nothing

    def test_an_empty_top3_asks_for_one(self, client, gesprek, teamchef):
        client.force_login(teamchef)
        top3 = _top3_vraag(gesprek)
        response = _top3(client, gesprek, top3, {})
        assert "Beschrijf ten minste één afspraak." in _html(response)


class TestBadInput:
    @pytest.mark.parametrize(
        ("pad", "data", "verwacht"),
        [
            ("", {}, 405),  # the page only shows; its forms post elsewhere
            ("status/", {}, 200),
            ("status/", {"naar": "onzin", "versie": "1"}, 200),
            ("status/", {"naar": "afgerond", "versie": "1"}, 200),  # no skipping
            ("status/", {"naar": "gevoerd", "versie": "abc"}, 200),
            ("antwoorden/abc/", {}, 404),
            ("antwoorden/999999/", {}, 404),
            ("antwoorden/-1/", {}, 404),
            ("top3/999999/", {}, 404),
            ("afspraken/999999/status/", {}, 404),
            ("afspraken//status/", {}, 404),
            ("afspraken/nieuw/", {"nieuw-omschrijving": ""}, 200),
        ],
    )
    def test_never_a_500(self, client, gesprek, teamchef, pad, data, verwacht):
        client.force_login(teamchef)
        response = client.post(f"/gesprekken/{gesprek.pk}/{pad}", data)
        assert response.status_code == verwacht
        gesprek.refresh_from_db()
        assert (gesprek.status, gesprek.versie) == ("gepland", 1)
        assert not gesprek.afspraken.exists()

    def test_the_forms_without_a_post_go_to_the_page(self, client, gesprek, teamchef):
        """A bookmark of the page drawn after an error, or a login's `next`."""
        client.force_login(teamchef)
        antwoord = gesprek.antwoorden.get(volgorde=1)
        for pad in [f"antwoorden/{antwoord.pk}/", "status/", "afspraken/nieuw/"]:
            response = client.get(f"/gesprekken/{gesprek.pk}/{pad}")
            assert response["Location"] == f"/gesprekken/{gesprek.pk}/", pad
            assert client.put(f"/gesprekken/{gesprek.pk}/{pad}").status_code == 405, pad

    @pytest.mark.parametrize("versie", ["", "abc", "-1"])
    def test_a_tampered_version_is_a_form_error(self, client, gesprek, teamchef, versie):
        client.force_login(teamchef)
        antwoord = gesprek.antwoorden.get(volgorde=1)
        response = _antwoord(client, gesprek, antwoord, "Mijn tekst", versie=versie)
        assert response.status_code == 200
        assert "Mijn tekst</textarea>" in _html(response)

    def test_a_bad_status_for_an_afspraak_is_a_form_error(self, client, gesprek, teamchef):
        (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        client.force_login(teamchef)
        response = _afspraak_status(client, gesprek, afspraak, "weg")
        assert response.status_code == 200
        assert "Selecteer een geldige keuze" in _html(response)

    @pytest.mark.parametrize(
        "query",
        [
            "?status=onzin",
            "?opgave=bestaat-niet",
            "?eigenaar=Niemand",
            "?over_tijd=ja",
            "?page=abc",
            "?page=999",
        ],
    )
    def test_bad_filters_are_no_500(self, client, collega, team, query):
        client.force_login(collega)
        assert client.get(f"{TEAM}/afspraken/{query}").status_code == 200
        assert client.get(f"{TEAM}/afspraken.csv{query}").status_code == 200
        assert client.get(f"{TEAM}/gesprekken/{query}").status_code == 200

    def test_get_only_pages_refuse_a_post(self, client, gesprek, teamchef):
        client.force_login(teamchef)
        for pad in ["verslag/", "verslag.pdf", "gesprek.csv"]:
            assert client.post(f"/gesprekken/{gesprek.pk}/{pad}").status_code == 405


class TestCompleted:
    @pytest.fixture
    def afgerond(self, gesprek):
        services.zet_status(gesprek, "gevoerd", heropenen=False)
        services.zet_status(gesprek, "afgerond", heropenen=False)
        return gesprek

    def test_nothing_is_recorded_until_the_teamchef_reopens_it(self, client, afgerond, teamchef):
        client.force_login(teamchef)
        antwoord = afgerond.antwoorden.get(volgorde=1)
        response = _antwoord(client, afgerond, antwoord, "Te laat")
        assert response.status_code == 200
        assert "Dit gesprek is intussen afgerond, dus er is niets opgeslagen." in _html(response)
        antwoord.refresh_from_db()
        assert antwoord.tekst == ""
        assert client.get(f"/gesprekken/{afgerond.pk}/bewerken/").status_code == 302
        _status(client, afgerond, "gevoerd")
        afgerond.refresh_from_db()
        assert afgerond.status == "gevoerd"
        assert _antwoord(client, afgerond, antwoord, "Nu wel").status_code == 302
        antwoord.refresh_from_db()
        assert antwoord.tekst == "Nu wel"

    def test_its_afspraken_are_still_followed_up(self, client, gesprek, teamchef):
        (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        services.zet_status(gesprek, "gevoerd", heropenen=False)
        services.zet_status(gesprek, "afgerond", heropenen=False)
        client.force_login(teamchef)
        response = _afspraak_status(client, gesprek, afspraak, "klaar", versie=1)
        assert response.status_code == 302
        afspraak.refresh_from_db()
        assert afspraak.status == "klaar"

    def test_an_earlier_afspraak_is_followed_up_in_the_next_open_gesprek(
        self, client, maak_gesprek, gesprek, teamchef
    ):
        (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        volgende = maak_gesprek(titel="Volgende", datum=gesprek.datum + datetime.timedelta(7))
        services.zet_status(volgende, "gevoerd", heropenen=False)
        services.zet_status(volgende, "afgerond", heropenen=False)
        client.force_login(teamchef)
        response = _afspraak_status(client, volgende, afspraak, "klaar")
        assert response["Location"] == f"/gesprekken/{volgende.pk}/#afspraak-{afspraak.pk}"
        html = _html(client.get(response["Location"]))
        assert "Dit gesprek is afgerond; volg de afspraak op in het volgende gesprek." in html
        afspraak.refresh_from_db()
        assert (afspraak.status, afspraak.versie) == ("open", 1)


class TestAfsprakenPage:
    @pytest.fixture
    def afspraken(self, gesprek, teamchef):
        gisteren = timezone.localdate() - datetime.timedelta(days=1)
        opgave = Opgave.objects.get(nummer=2)
        afspraken = services.maak_afspraken(
            gesprek,
            teamchef,
            [
                {"omschrijving": "Te laat", "eigenaar": "Carla", "streefdatum": gisteren},
                {"omschrijving": "Met opgave", "eigenaar": "gemeente", "opgave": opgave},
                {"omschrijving": "Van niemand"},
                {"omschrijving": "Al klaar", "eigenaar": "Carla", "streefdatum": gisteren},
            ],
        )
        services.werk_afspraak_bij(afspraken[3], teamchef, 1, {"status": "klaar"})
        return afspraken

    @pytest.mark.parametrize(
        ("query", "verwacht"),
        [
            ("", ["Te laat", "Al klaar", "Met opgave", "Van niemand"]),
            ("?status=openstaand", ["Te laat", "Met opgave", "Van niemand"]),
            ("?status=klaar", ["Al klaar"]),
            ("?opgave=omgaan-met-de-wereld-in-de-wijk", ["Met opgave"]),
            ("?eigenaar=Carla", ["Te laat", "Al klaar"]),
            ("?eigenaar=-", ["Van niemand"]),
            ("?over_tijd=on", ["Te laat"]),
        ],
    )
    def test_filters(self, client, collega, afspraken, query, verwacht):
        client.force_login(collega)
        response = client.get(f"{TEAM}/afspraken/{query}")
        assert [a.omschrijving for a in response.context["pagina"]] == verwacht

    def test_overdue_ones_are_marked(self, client, collega, afspraken):
        client.force_login(collega)
        html = _html(client.get(f"{TEAM}/afspraken/"))
        assert html.count("afspraken-tabel__rij--over-tijd") == 1
        assert "over tijd" in html
        assert 'href="/teams/utrecht-centrum/afspraken.csv"' in html
        html = _html(client.get(f"{TEAM}/afspraken/?status=klaar"))
        assert 'href="/teams/utrecht-centrum/afspraken.csv?status=klaar"' in html

    def test_paginated_by_25(self, client, collega, gesprek, teamchef):
        services.maak_afspraken(
            gesprek, teamchef, [{"omschrijving": f"Afspraak {n}"} for n in range(30)]
        )
        client.force_login(collega)
        assert len(client.get(f"{TEAM}/afspraken/").context["pagina"]) == 25
        assert len(client.get(f"{TEAM}/afspraken/?page=2").context["pagina"]) == 5


def test_the_profile_offers_a_new_gesprek_only_to_the_teamchef(client, team, collega, teamchef):
    client.force_login(collega)
    html = _html(client.get(f"{TEAM}/"))
    assert f"{TEAM}/gesprekken/" in html
    assert f"{TEAM}/gesprekken/nieuw/" not in html
    client.force_login(teamchef)
    assert f"{TEAM}/gesprekken/nieuw/" in _html(client.get(f"{TEAM}/"))


def test_a_new_gesprek_offers_the_team_members_as_gespreksleider(
    client, team, teamchef, collega, teamchef_ander_team
):
    client.force_login(teamchef)
    response = client.get(f"{TEAM}/gesprekken/nieuw/")
    keuzes = [
        str(label) for _pk, label in response.context["form"].fields["gespreksleider"].choices
    ]
    assert keuzes[1:] == ["Carla Collega", "Tom Teamchef"]
    assert response.context["form"]["gespreksleider"].value() == teamchef.pk


def test_no_inline_script_or_style(client, gesprek, teamchef):
    (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
    client.force_login(teamchef)
    for url in [
        f"/gesprekken/{gesprek.pk}/",
        f"/gesprekken/{gesprek.pk}/bewerken/",
        f"/gesprekken/{gesprek.pk}/verslag/",
        f"/gesprekken/afspraken/{afspraak.pk}/",
        f"{TEAM}/gesprekken/",
        f"{TEAM}/gesprekken/nieuw/",
        f"{TEAM}/afspraken/",
    ]:
        html = _html(client.get(url))
        assert "<style" not in html, url
        assert " style=" not in html, url
        assert "<script>" not in html, url
    # The concept keeper is a file of our own, loaded where something can be typed.
    assert '/static/gesprekken/concept.js" defer' in _html(
        client.get(f"/gesprekken/{gesprek.pk}/")
    )


class TestCompletedWhileTyping:
    """The gesprek is completed while someone types: nothing is saved, and nothing they
    typed is thrown away either. It is shown, read-only, where they typed it."""

    @pytest.fixture
    def afgerond(self, gesprek):
        services.zet_status(gesprek, "gevoerd", heropenen=False)
        services.zet_status(gesprek, "afgerond", heropenen=False)
        return gesprek

    def _niet_opgeslagen(self, html) -> str:
        assert "Dit gesprek is intussen afgerond, dus er is niets opgeslagen." in html
        return html.split('class="conflict conflict--naast niet-opgeslagen"')[1].split("</dl>")[0]

    def test_an_answer(self, client, afgerond, gespreksleider):
        client.force_login(gespreksleider)
        antwoord = afgerond.antwoorden.get(volgorde=1)
        response = _antwoord(client, afgerond, antwoord, "Wat ik typte.\r\nTwee regels.")
        assert response.status_code == 200
        html = _html(response)
        assert "Wat ik typte.<br>Twee regels." in self._niet_opgeslagen(html)
        assert f'name="antwoord-{antwoord.pk}-tekst"' not in html  # completed: no form
        antwoord.refresh_from_db()
        assert antwoord.tekst == ""

    def test_the_drie_dingen(self, client, afgerond, teamchef):
        client.force_login(teamchef)
        top3 = _top3_vraag(afgerond)
        response = _top3(
            client,
            afgerond,
            top3,
            {
                f"top3-{top3.pk}-1-omschrijving": "Wijkschouw met de gemeente",
                f"top3-{top3.pk}-1-eigenaar": "Carla Collega",
                f"top3-{top3.pk}-2-omschrijving": "Leren van Heuvelrug",
            },
        )
        blok = self._niet_opgeslagen(_html(response))
        for getypt in ["Wijkschouw met de gemeente", "Carla Collega", "Leren van Heuvelrug"]:
            assert getypt in blok
        assert not Afspraak.objects.exists()

    def test_a_new_afspraak(self, client, afgerond, teamchef):
        client.force_login(teamchef)
        opgave = Opgave.objects.get(nummer=6)
        response = _nieuw(
            client, afgerond, {"nieuw-omschrijving": "Spreekuur", "nieuw-opgave": opgave.pk}
        )
        blok = self._niet_opgeslagen(_html(response))
        assert "Spreekuur" in blok
        assert str(opgave) in blok.replace("&#x27;", "'")
        assert not Afspraak.objects.exists()

    def test_completed_between_loading_and_saving(self, client, gesprek, teamchef, monkeypatch):
        """The page found the gesprek open; the service finds it completed."""
        maak_afspraken = services.maak_afspraken

        def intussen_afgerond(*args, **kwargs):
            Gesprek.objects.filter(pk=gesprek.pk).update(status="afgerond")
            return maak_afspraken(*args, **kwargs)

        monkeypatch.setattr(services, "maak_afspraken", intussen_afgerond)
        client.force_login(teamchef)
        response = _nieuw(client, gesprek, {"nieuw-omschrijving": "Spreekuur"})
        html = _html(response)
        assert "Spreekuur" in self._niet_opgeslagen(html)
        assert 'name="nieuw-omschrijving"' not in html  # shown as it is now: completed
        assert not Afspraak.objects.exists()

    def test_the_details(self, client, afgerond, teamchef):
        client.force_login(teamchef)
        response = client.post(
            f"/gesprekken/{afgerond.pk}/bewerken/",
            {
                "titel": "Mijn nieuwe titel",
                "datum": "2026-03-10",
                "zichtbaarheid": "team",
                "samenvatting": "Mijn samenvatting",
                "versie": afgerond.versie,
            },
        )
        assert response.status_code == 200
        html = _html(response)
        assert "Dit gesprek is intussen afgerond, dus er is niets opgeslagen." in html
        assert 'value="Mijn nieuwe titel"' in html
        assert "Mijn samenvatting</textarea>" in html
        assert 'type="submit"' not in html.split('<main id="inhoud"')[1]  # cannot be saved
        afgerond.refresh_from_db()
        assert (afgerond.titel, afgerond.samenvatting) == ("Teamgesprek interne opgaven", "")


class TestACompletedGesprekKeepsWhatWasAgreed:
    """Once the gesprek is completed, an afspraak's omschrijving and opgave are a record;
    its follow-up (status, owner, target date) still changes."""

    @pytest.fixture
    def afspraak(self, gesprek, teamchef):
        (afspraak,) = services.maak_afspraken(
            gesprek,
            teamchef,
            [{"omschrijving": "Wijkschouw", "opgave": Opgave.objects.get(nummer=5)}],
        )
        services.zet_status(gesprek, "gevoerd", heropenen=False)
        services.zet_status(gesprek, "afgerond", heropenen=False)
        return afspraak

    @pytest.mark.parametrize("persona", ["teamchef", "gespreksleider"])
    def test_only_the_follow_up_can_change(self, request, client, afspraak, persona):
        client.force_login(request.getfixturevalue(persona))
        url = f"/gesprekken/afspraken/{afspraak.pk}/"
        form = client.get(url).context["form"]
        assert list(form.fields) == ["status", "eigenaar", "streefdatum", "versie"]
        response = client.post(
            url,
            {
                "omschrijving": "Herschreven",
                "opgave": Opgave.objects.get(nummer=1).pk,
                "status": "klaar",
                "eigenaar": "gemeente",
                "streefdatum": "2026-05-01",
                "versie": afspraak.versie,
            },
        )
        # A form loaded before the gesprek was completed: what was typed is kept, and shown.
        assert response.status_code == 200
        html = _html(response)
        assert "Het gesprek van deze afspraak is intussen afgerond" in html
        assert "Herschreven" in html
        assert 'value="gemeente"' in html
        afspraak.refresh_from_db()
        assert (afspraak.omschrijving, afspraak.status, afspraak.versie) == (
            "Wijkschouw",
            "open",
            1,
        )
        # The follow-up alone is saved.
        response = client.post(
            url,
            {
                "status": "klaar",
                "eigenaar": "gemeente",
                "streefdatum": "2026-05-01",
                "versie": afspraak.versie,
            },
        )
        assert response.status_code == 302
        afspraak.refresh_from_db()
        assert (afspraak.omschrijving, afspraak.opgave.nummer) == ("Wijkschouw", 5)
        assert (afspraak.status, afspraak.eigenaar) == ("klaar", "gemeente")
        assert afspraak.streefdatum == datetime.date(2026, 5, 1)

    def test_the_same_text_again_is_no_change(self, client, afspraak, teamchef):
        """A form loaded before completion that leaves the omschrijving as it is saves."""
        client.force_login(teamchef)
        response = client.post(
            f"/gesprekken/afspraken/{afspraak.pk}/",
            {
                "omschrijving": "Wijkschouw",
                "opgave": afspraak.opgave_id,
                "status": "loopt",
                "versie": afspraak.versie,
            },
        )
        assert response.status_code == 302
        afspraak.refresh_from_db()
        assert afspraak.status == "loopt"

    def test_the_same_text_with_other_line_ends_is_no_change(self, client, gesprek, teamchef):
        """An omschrijving saved with CRLF line ends, as textareas post them, is the same
        text when the browser posts it back: the follow-up still saves."""
        (afspraak,) = services.maak_afspraken(
            gesprek, teamchef, [{"omschrijving": "Wijkschouw\r\nmet de gemeente"}]
        )
        services.zet_status(gesprek, "gevoerd", heropenen=False)
        services.zet_status(gesprek, "afgerond", heropenen=False)
        client.force_login(teamchef)
        response = client.post(
            f"/gesprekken/afspraken/{afspraak.pk}/",
            {
                "omschrijving": "Wijkschouw\r\nmet de gemeente",
                "status": "loopt",
                "versie": afspraak.versie,
            },
        )
        assert response.status_code == 302
        afspraak.refresh_from_db()
        assert afspraak.status == "loopt"

    def test_an_open_gesprek_still_takes_everything(self, client, gesprek, teamchef):
        (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        client.force_login(teamchef)
        url = f"/gesprekken/afspraken/{afspraak.pk}/"
        assert "omschrijving" in client.get(url).context["form"].fields
        client.post(url, {"omschrijving": "Anders doen", "status": "open", "versie": 1})
        afspraak.refresh_from_db()
        assert afspraak.omschrijving == "Anders doen"
        client.post(url, {"omschrijving": "Anders\r\ndoen", "status": "open", "versie": 2})
        afspraak.refresh_from_db()
        assert afspraak.omschrijving == "Anders\ndoen"


class TestTheQuestionAsAsked:
    """The redactie archives, rewords and changes the kind of every question after a
    gesprek was held: the gesprek still reads as it was held."""

    @pytest.fixture
    def gehouden(self, maak_gesprek, leidraad, teamchef, gespreksleider):
        leidraad.inleiding = "De inleiding van toen."
        leidraad.save()
        leidraad.vragen.update(toelichting="De toelichting van toen.")
        gesprek = maak_gesprek(gespreksleider=gespreksleider)
        een, _twee, top3 = gesprek.antwoorden.order_by("volgorde")
        services.leg_antwoord_vast(een, gespreksleider, 1, "Wij werken in clusters.")
        (afspraak,) = services.maak_afspraken(
            gesprek, gespreksleider, [{"omschrijving": "Wijkschouw"}], vraag=top3.vraag
        )
        gesprek.afspraak = afspraak
        gesprek.vragen_toen = list(gesprek.antwoorden.values_list("vraag_tekst", flat=True))
        # The redactie rewrites the questions.
        leidraad.inleiding = "Een nieuwe inleiding."
        leidraad.save()
        for vraag in leidraad.vragen.all():
            vraag.tekst = f"Herschreven: {vraag.tekst[:20]}"
            vraag.toelichting = "Een nieuwe toelichting."
            vraag.soort = "open" if vraag.soort == "top3" else "top3"
            vraag.gearchiveerd = True
            vraag.save()
        return gesprek

    def _zoals_toen(self, tekst: str, gehouden, *, met_toelichting=True) -> None:
        for vraag in gehouden.vragen_toen:
            assert vraag.replace("'", "&#x27;") in tekst or vraag in tekst, vraag
        for nieuw in ["Herschreven:", "Een nieuwe toelichting.", "Een nieuwe inleiding."]:
            assert nieuw not in tekst, nieuw
        assert "Wij werken in clusters." in tekst
        assert "Wijkschouw" in tekst
        if met_toelichting:
            assert "De toelichting van toen." in tekst
            assert "De inleiding van toen." in tekst

    @pytest.mark.parametrize("persona", ["collega", "gespreksleider"])
    def test_the_gesprek_page(self, request, client, gehouden, persona):
        client.force_login(request.getfixturevalue(persona))
        response = client.get(f"/gesprekken/{gehouden.pk}/")
        html = _html(response)
        self._zoals_toen(html, gehouden)
        een, _twee, top3 = gehouden.antwoorden.order_by("volgorde")
        assert [v["antwoord"].is_top3 for v in response.context["vragen"]] == [
            False,
            False,
            True,
        ]
        top3_html = html.split(f'id="vraag-{top3.pk}"')[1].split("</article>")[0]
        assert "Wijkschouw" in top3_html.split('class="top3"')[1]
        if persona == "gespreksleider":  # recording goes on as the questions were asked
            assert f'name="antwoord-{een.pk}-tekst"' in html
            assert f'name="top3-{top3.pk}-2-omschrijving"' in html
            assert f'name="top3-{een.pk}-1-omschrijving"' not in html

    def test_the_afspraak_page(self, client, gehouden, collega):
        client.force_login(collega)
        html = _html(client.get(f"/gesprekken/afspraken/{gehouden.afspraak.pk}/"))
        assert gehouden.vragen_toen[2] in html
        assert "Herschreven:" not in html

    def test_the_pdf(self, client, gehouden, collega):
        client.force_login(collega)
        response = client.get(f"/gesprekken/{gehouden.pk}/verslag.pdf")
        pdf = PdfReader(io.BytesIO(response.content))
        tekst = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
        gehouden.vragen_toen = [" ".join(v.split()) for v in gehouden.vragen_toen]
        self._zoals_toen(tekst, gehouden, met_toelichting=False)
        assert "Geen afspraken vastgelegd." not in tekst  # the drie dingen are still there
        assert "Niet beantwoord." in tekst  # only the second question, as it was


class TestSavedCopiesInTheBrowser:
    """After a save the next page tells concept.js which form was saved, once, so it drops
    its copy; the copies are kept per user."""

    def _script(self, html) -> str:
        return html.split('/static/gesprekken/concept.js" defer')[1].split(">")[0]

    def test_a_saved_form_is_named_once(self, client, gesprek, teamchef):
        client.force_login(teamchef)
        url = f"/gesprekken/{gesprek.pk}/"
        script = self._script(_html(client.get(url)))
        assert f'data-gebruiker="{teamchef.pk}"' in script
        assert 'data-concept-opgeslagen="[]"' in script
        response = _nieuw(client, gesprek, {"nieuw-omschrijving": "Spreekuur"})
        assert response["Location"] == f"{url}#afspraken"
        script = self._script(_html(client.get(url)))
        assert f'data-concept-opgeslagen="[&quot;{url}:nieuw&quot;]"' in script
        assert 'data-concept-opgeslagen="[]"' in self._script(_html(client.get(url)))

    def test_a_form_with_errors_is_not_named_and_keeps_its_copy(self, client, gesprek, teamchef):
        client.force_login(teamchef)
        url = f"/gesprekken/{gesprek.pk}/"
        html = _html(_nieuw(client, gesprek, {"nieuw-omschrijving": "x" * 501}))
        assert 'data-concept-opgeslagen="[]"' in self._script(html)
        # Drawn at the address the form posted to, the copy keeps the page's name.
        assert f'data-concept-pagina="{url}"' in self._script(html)
        assert 'data-concept="nieuw" data-concept-bewaren' in html

    def test_a_new_gesprek_and_an_afspraak_are_named_at_their_own_page(
        self, client, gesprek, teamchef, leidraad
    ):
        client.force_login(teamchef)
        nieuw = f"{TEAM}/gesprekken/nieuw/"
        client.post(
            nieuw,
            {
                "titel": "Nieuw",
                "datum": "2026-04-01",
                "leidraad": leidraad.pk,
                "zichtbaarheid": "team",
            },
            follow=True,
        )
        (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
        url = f"/gesprekken/afspraken/{afspraak.pk}/"
        response = client.post(url, {"omschrijving": "Doen", "status": "klaar", "versie": 1})
        script = self._script(_html(client.get(response["Location"])))
        assert "&quot;/teams/utrecht-centrum/gesprekken/nieuw/:gesprek&quot;" not in script
        assert f"&quot;{url}:afspraak&quot;" in script
