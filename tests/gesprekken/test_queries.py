"""Every gesprekken page costs the same number of queries with ten times the gesprekken,
questions, answers, versions and afspraken: nothing is fetched per row."""

import datetime

import pytest

from gesprekken import services
from opgaven.models import Gespreksleidraad, Gespreksvraag, Opgave

pytestmark = pytest.mark.django_db

TEAM = "/teams/utrecht-centrum"


@pytest.fixture
def grote_leidraad(db):
    """A question set whose size the test chooses: open questions and one “top 3”."""
    leidraad = Gespreksleidraad.objects.create(naam="Groot", slug="groot")

    def vragen(aantal: int) -> Gespreksleidraad:
        bestaand = leidraad.vragen.count()
        for n in range(bestaand, bestaand + aantal):
            soort = Gespreksvraag.Soort.TOP3 if n == 0 else Gespreksvraag.Soort.OPEN
            Gespreksvraag.objects.create(
                leidraad=leidraad, tekst=f"Vraag {n}", soort=soort, volgorde=n
            )
        return leidraad

    return vragen


def _vul(maak_gesprek, leider, teamchef, leidraad, aantal: int, begin: int = 0):
    """`aantal` earlier gesprekken, each with answers (two versions), top 3 and an extra
    afspraak, and the gesprek under test last."""
    opgave = Opgave.objects.get(nummer=1)
    for n in range(begin, begin + aantal):
        eerder = maak_gesprek(
            titel=f"Gesprek {n}",
            datum=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
            leidraad=leidraad,
            gespreksleider=leider,
        )
        for antwoord in eerder.antwoorden.select_related("vraag"):
            if antwoord.is_top3:
                services.maak_afspraken(
                    eerder,
                    leider,
                    [{"omschrijving": f"Top {n}", "opgave": opgave, "eigenaar": f"E{n}"}],
                    vraag=antwoord.vraag,
                )
            else:
                services.leg_antwoord_vast(antwoord, leider, 1, "eerste")
                services.leg_antwoord_vast(antwoord, teamchef, 2, "tweede")
        (extra,) = services.maak_afspraken(eerder, teamchef, [{"omschrijving": f"Extra {n}"}])
        services.werk_afspraak_bij(extra, teamchef, 1, {"status": "loopt"})


@pytest.fixture
def data(maak_gesprek, gespreksleider, teamchef, grote_leidraad):
    """Grows the data: `data(1)` then `data(10)` gives ten times the first."""
    gemaakt = {"n": 0}

    def groei(factor: int):
        leidraad = grote_leidraad(3 * factor - grote_leidraad(0).vragen.count())
        _vul(maak_gesprek, gespreksleider, teamchef, leidraad, factor - gemaakt["n"], gemaakt["n"])
        gemaakt["n"] = factor
        laatste = maak_gesprek(
            titel=f"Nu {factor}",
            datum=datetime.date(2026, 6, 1) + datetime.timedelta(days=factor),
            leidraad=leidraad,
            gespreksleider=gespreksleider,
        )
        antwoorden = list(laatste.antwoorden.select_related("vraag"))
        for antwoord in antwoorden:
            if not antwoord.is_top3:
                services.leg_antwoord_vast(antwoord, gespreksleider, 1, "a")
                services.leg_antwoord_vast(antwoord, teamchef, 2, "b")
        services.maak_afspraken(
            laatste, teamchef, [{"omschrijving": f"Nieuw {n}"} for n in range(3 * factor)]
        )
        return laatste, laatste.afspraken.first()

    return groei


PAGINAS = {
    # page: (persona, queries); a page with the header has one for its "My team"
    "detail": ("teamchef", 16),
    "detail-lezer": ("collega", 14),
    "verslag": ("collega", 11),
    "verslag-pdf": ("collega", 10),
    "csv": ("collega", 10),
    "xlsx": ("collega", 10),
    "afspraak": ("teamchef", 10),
    "team-gesprekken": ("collega", 9),
    "team-afspraken": ("collega", 9),
    "team-afspraken-csv": ("collega", 7),
    "team-afspraken-xlsx": ("collega", 7),
    # The profile with its agenda and voorbeelden sections, plus its gesprekken (no similar
    # teams here: their agendas and voorbeelden would add 3).
    "team-profiel": ("collega", 14),
}


def _url(pagina: str, gesprek, afspraak) -> str:
    return {
        "detail": f"/gesprekken/{gesprek.pk}/",
        "detail-lezer": f"/gesprekken/{gesprek.pk}/",
        "verslag": f"/gesprekken/{gesprek.pk}/verslag/",
        "verslag-pdf": f"/gesprekken/{gesprek.pk}/verslag.pdf",
        "csv": f"/gesprekken/{gesprek.pk}/gesprek.csv",
        "xlsx": f"/gesprekken/{gesprek.pk}/gesprek.xlsx",
        "afspraak": f"/gesprekken/afspraken/{afspraak.pk}/",
        "team-gesprekken": f"{TEAM}/gesprekken/",
        "team-afspraken": f"{TEAM}/afspraken/?status=openstaand&over_tijd=on",
        "team-afspraken-csv": f"{TEAM}/afspraken.csv",
        "team-afspraken-xlsx": f"{TEAM}/afspraken.xlsx",
        "team-profiel": f"{TEAM}/",
    }[pagina]


def _meet(request, client, gesprek, afspraak, django_assert_num_queries) -> dict:
    responses = {}
    for pagina, (persona, aantal) in PAGINAS.items():
        client.force_login(request.getfixturevalue(persona))
        with django_assert_num_queries(aantal, info=pagina):
            responses[pagina] = client.get(_url(pagina, gesprek, afspraak))
        assert responses[pagina].status_code == 200, pagina
    return responses


def test_query_counts_stay_flat_with_ten_times_the_data(
    request, client, data, django_assert_num_queries
):
    """Built once (the data takes a while), measured on every page at 1× and at 10×."""
    _meet(request, client, *data(1), django_assert_num_queries)
    responses = _meet(request, client, *data(10), django_assert_num_queries)
    detail = responses["detail"].context
    assert len(detail["vragen"]) == 30
    assert len(detail["afspraken"]) == 30
    # Two open afspraken from each of the ten earlier gesprekken, three from the first
    # gesprek under test.
    assert len(detail["eerdere"]) == 23
    profiel = responses["team-profiel"].content.decode()
    assert profiel.count('class="gesprek-lijst__item"') == 5
