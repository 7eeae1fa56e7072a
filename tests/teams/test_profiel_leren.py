"""The team profile as a place to learn from others: the team's own voorbeelden and the
ones it applies (a section voorbeelden adds through core.secties), and per similar team its
agenda and voorbeelden (what opgaven and voorbeelden add to that list)."""

import pytest
from django.utils import timezone
from django.utils.text import slugify

from opgaven.models import Fase, Opgave
from opgaven.services import zet_op_agenda
from teams.models import Basisteam
from tests.conftest import PERSONAS
from voorbeelden.models import Redactiestatus, Voorbeeld
from voorbeelden.services import pas_toe

pytestmark = pytest.mark.django_db

LEZEN = dict.fromkeys(PERSONAS, 200) | {"anonymous": 302}
PROFIEL = "/teams/utrecht-centrum/"


def voorbeeld(titel: str, team: Basisteam | None, status=Redactiestatus.GEPUBLICEERD, **velden):
    return Voorbeeld.objects.create(
        titel=titel,
        slug=velden.pop("slug", slugify(titel)),
        samenvatting="Wat het is.",
        basisteam=team,
        eenheid=team.eenheid if team else None,
        redactiestatus=status,
        gepubliceerd_op=velden.pop(
            "gepubliceerd_op", timezone.now() if status == Redactiestatus.GEPUBLICEERD else None
        ),
        **velden,
    )


def sectie(html: str, naam: str) -> str:
    begin = html.index(f'<section aria-labelledby="{naam}">')
    return html[begin : html.index("</section>", begin)]


@pytest.fixture
def leren(team, ander_team, collega, teamchef, teamchef_ander_team):
    """utrecht-centrum shares one voorbeeld and applies one of heuvelrug's (its only, so
    most similar, team); heuvelrug has an agenda, voorbeelden and applies one of its own
    and one of a third team's. Drafts and the like on both sides."""
    elders = Basisteam.objects.create(
        naam="Basisteam Elders", slug="elders", code="MN-EL", eenheid=team.eenheid
    )
    v = {
        "eigen": voorbeeld("Buurtkoffie Lombok", team, plaats="Lombok"),
        "eigen_concept": voorbeeld(
            "Concept van Carla", team, Redactiestatus.CONCEPT, auteur=collega
        ),
        "eigen_ingediend": voorbeeld("Ingediend van Tom", team, Redactiestatus.INGEDIEND),
        "eigen_gearchiveerd": voorbeeld(
            "Gearchiveerd", team, Redactiestatus.GEARCHIVEERD, gepubliceerd_op=timezone.now()
        ),
        "heuvelrug": voorbeeld("Wijkschouw op de Heuvelrug", ander_team),
        "heuvelrug_concept": voorbeeld(
            "Concept van Hanna", ander_team, Redactiestatus.CONCEPT, auteur=teamchef_ander_team
        ),
        "elders": voorbeeld("Jongerenwerk Elders", elders),
        "los": voorbeeld("Zonder team", None),
    }
    pas_toe(v["heuvelrug"], team, teamchef)
    pas_toe(v["eigen"], team, teamchef)  # its own: listed once, as its own
    pas_toe(v["elders"], ander_team, teamchef_ander_team)
    pas_toe(v["heuvelrug"], ander_team, teamchef_ander_team)
    twee = Opgave.objects.get(nummer=2)
    zet_op_agenda(ander_team, teamchef_ander_team, Opgave.objects.get(nummer=1))
    zet_op_agenda(
        ander_team, teamchef_ander_team, twee, twee.aandachtspunten.first(), Fase.VERANKERD
    )
    zet_op_agenda(team, teamchef, Opgave.objects.get(nummer=8), fase=Fase.AAN_DE_SLAG)
    return v


def test_the_profile_lists_its_own_published_voorbeelden_and_the_ones_it_applies(
    client, collega, leren
):
    client.force_login(collega)
    html = client.get(PROFIEL).content.decode()
    deel = sectie(html, "voorbeelden")
    eigen = deel[deel.index('id="voorbeelden-eigen"') : deel.index('id="voorbeelden-toegepast"')]
    toegepast = deel[deel.index('id="voorbeelden-toegepast"') :]
    assert f'<a href="/voorbeelden/{leren["eigen"].slug}/">Buurtkoffie Lombok</a>' in eigen
    assert "Lombok" in eigen
    assert "Wijkschouw op de Heuvelrug" not in eigen
    assert f'<a href="/voorbeelden/{leren["heuvelrug"].slug}/">' in toegepast
    assert "Basisteam Heuvelrug" in toegepast  # whose it is
    assert "Buurtkoffie Lombok" not in toegepast  # its own is listed as its own only
    # Not published: not on the team's page, not even for the draft's author.
    for niet in ("Concept van Carla", "Ingediend van Tom", "Gearchiveerd", "Jongerenwerk"):
        assert niet not in deel
    assert 'href="#voorbeelden"' in html  # in “on this page”


def test_sections_come_in_order_agenda_voorbeelden_gesprekken(client, collega, leren):
    client.force_login(collega)
    html = client.get(PROFIEL).content.decode()
    posities = [html.index(f'<section aria-labelledby="{s}">') for s in ("agenda", "voorbeelden")]
    assert posities == sorted(posities)
    assert html.index('<h2 id="voorbeelden">') < html.index('id="gesprekken"')


def test_a_team_without_voorbeelden_says_so(client, collega, team, ander_team):
    client.force_login(collega)
    deel = sectie(client.get(PROFIEL).content.decode(), "voorbeelden")
    assert "<ul>" not in deel
    assert 'href="/voorbeelden/"' in deel  # the way to the library


def test_similar_teams_show_their_agenda_and_voorbeelden(client, collega, leren):
    client.force_login(collega)
    response = client.get(PROFIEL)
    assert [t["slug"] for t in response.context["vergelijkbaar"]] == ["heuvelrug"]
    deel = sectie(response.content.decode(), "vergelijkbaar")
    heuvelrug = deel[deel.index('href="/teams/heuvelrug/"') :]
    twee = Opgave.objects.get(nummer=2)
    punt = twee.aandachtspunten.first()
    # Its agenda: what, linking to the opgave, and how far.
    assert f'<a href="{twee.get_absolute_url()}">{punt.tekst}</a>' in heuvelrug
    assert '<span class="badge badge--verankerd">' in heuvelrug
    assert '<span class="badge badge--verkennen">' in heuvelrug
    assert Opgave.objects.get(nummer=1).titel in heuvelrug
    # Its voorbeelden: shared and applied, titles linking to the voorbeeld.
    assert f'<a href="/voorbeelden/{leren["heuvelrug"].slug}/">' in heuvelrug
    assert f'<a href="/voorbeelden/{leren["elders"].slug}/">Jongerenwerk Elders</a>' in heuvelrug
    assert heuvelrug.count("Wijkschouw op de Heuvelrug") == 1  # its own, not again as applied
    assert "Concept van Hanna" not in heuvelrug
    # Not the profile team's own agenda or voorbeelden.
    assert Opgave.objects.get(nummer=8).titel not in deel
    assert "Buurtkoffie Lombok" not in deel


def test_a_similar_team_with_many_voorbeelden_shows_the_first_few(
    client, collega, team, ander_team
):
    for n in range(7):
        voorbeeld(f"Voorbeeld {n}", ander_team)
    client.force_login(collega)
    deel = sectie(client.get(PROFIEL).content.decode(), "vergelijkbaar")
    assert deel.count('<a href="/voorbeelden/voorbeeld-') == 5
    assert "2 more" in deel or "nog 2" in deel


def test_a_similar_team_with_nothing_shows_just_its_figures(client, collega, team, ander_team):
    client.force_login(collega)
    deel = sectie(client.get(PROFIEL).content.decode(), "vergelijkbaar")
    assert 'href="/teams/heuvelrug/"' in deel
    assert "<h4>" not in deel


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_profile_per_persona(as_persona, leren, persona):
    response = as_persona(persona).get(PROFIEL)
    assert response.status_code == LEZEN[persona]
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")
        return
    html = response.content.decode()
    assert "Buurtkoffie Lombok" in sectie(html, "voorbeelden")
    assert "Jongerenwerk Elders" in sectie(html, "vergelijkbaar")
    # Drafts are on no team page, whoever reads it (the redactie reviews them in the admin).
    assert "Concept van" not in html
    assert "Ingediend van Tom" not in html


def _meer(team, ander_team, teamchef, aantal: int) -> None:
    """`aantal` more similar teams, each with agenda items and voorbeelden, and more of
    the profile team's own."""
    opgaven = list(Opgave.objects.all())
    begin = Basisteam.objects.count()
    for n in range(begin, begin + aantal):
        # Near utrecht-centrum (120,000 inhabitants, 12,000 per km²): among the similar.
        ander = Basisteam.objects.create(
            naam=f"Dicht {n}",
            slug=f"dicht-{n}",
            code=f"D{n}",
            eenheid=team.eenheid,
            inwoners=110_000 + n,
            oppervlakte_km2=10,
        )
        for opgave in opgaven[:3]:
            zet_op_agenda(ander, teamchef, opgave, fase=Fase.AAN_DE_SLAG)
        for punt in opgaven[3].aandachtspunten.all():
            zet_op_agenda(ander, teamchef, opgaven[3], punt, Fase.VERANKERD)
        for k in range(3):
            eigen = voorbeeld(f"Van {n} nummer {k}", ander)
            pas_toe(eigen, team, teamchef)
            pas_toe(voorbeeld(f"Voor {n} nummer {k}", team), ander, teamchef)
        voorbeeld(f"Concept {n}", ander, Redactiestatus.CONCEPT)


def test_profile_query_count_flat_with_ten_times_the_data(
    client, collega, teamchef, leren, team, ander_team, django_assert_num_queries
):
    client.force_login(collega)
    _meer(team, ander_team, teamchef, 2)
    # 13 for the profile with its agenda and gesprekken; 1 for its voorbeelden, 1 for the
    # similar teams' agendas, 2 for their voorbeelden (shared, applied).
    with django_assert_num_queries(17):
        klein = client.get(PROFIEL)
    voorbeelden, punten = Voorbeeld.objects.count(), team.agendapunten.model.objects.count()
    teams = Basisteam.objects.count()
    _meer(team, ander_team, teamchef, 10 * teams)
    assert Voorbeeld.objects.count() >= 10 * voorbeelden
    assert team.agendapunten.model.objects.count() >= 10 * punten
    with django_assert_num_queries(17):
        groot = client.get(PROFIEL)
    assert len(groot.context["vergelijkbaar"]) == 5
    assert len(klein.context["vergelijkbaar"]) < len(groot.context["vergelijkbaar"])
    assert sectie(groot.content.decode(), "vergelijkbaar").count("<h4>") >= 10
