"""The basisteam pages: who sees and edits what, filters, sorting, conflicts, query counts."""

import pytest

from opgaven.models import Opgave
from opgaven.services import zet_op_agenda
from teams.models import Basisteam, Cluster, Gemeente, Lidmaatschap, Werkgebied
from tests.conftest import PERSONAS
from tests.versiebeheer import admin_formulier, admin_url

pytestmark = pytest.mark.django_db

# What each persona gets on the team pages of `team` (the own team of collega and teamchef).
LEZEN = dict.fromkeys(PERSONAS, 200) | {"anonymous": 302}
BEWERKEN = {
    "anonymous": 302,
    "collega": 403,
    "teamchef": 200,
    "teamchef_ander_team": 403,
    "redacteur": 403,
    "beheerder": 200,
}


@pytest.fixture
def profiel(team, ander_team):
    gemeente = Gemeente.objects.create(naam="Utrecht", cbs_code="GM0344")
    Werkgebied.objects.create(basisteam=team, gemeente=gemeente, omvang="deel")
    Cluster.objects.create(basisteam=team, naam="Binnenstad", wijken="Wijk C\nLombok")
    return team


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("pagina", ["/teams/", "/teams/utrecht-centrum/"])
def test_read_pages_per_persona(as_persona, profiel, persona, pagina):
    response = as_persona(persona).get(pagina)
    assert response.status_code == LEZEN[persona]
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("pagina", ["bewerken", "agenda"])
def test_edit_pages_per_persona(as_persona, profiel, persona, pagina):
    response = as_persona(persona).get(f"/teams/utrecht-centrum/{pagina}/")
    assert response.status_code == BEWERKEN[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_posting_context_per_persona(as_persona, profiel, persona):
    as_persona(persona).post(
        "/teams/utrecht-centrum/bewerken/", {"overlast": "Veel", "versie": profiel.versie}
    )
    profiel.refresh_from_db()
    assert (profiel.overlast == "Veel") == (BEWERKEN[persona] == 200)


def test_unknown_team_is_404(client, collega):
    client.force_login(collega)
    assert client.get("/teams/bestaat-niet/").status_code == 404
    assert client.get("/teams/bestaat-niet/bewerken/").status_code == 404


def test_profile_shows_figures_area_clusters_people_and_agenda(client, profiel, collega, teamchef):
    zet_op_agenda(profiel, teamchef, Opgave.objects.get(nummer=6), notitie="Twee clusters.")
    client.force_login(collega)
    response = client.get("/teams/utrecht-centrum/")
    html = response.content.decode()
    assert response.context["team"].wijkagentnorm == 24
    assert "12.000 per km²" in html
    assert "Utrecht" in html
    assert "Binnenstad" in html
    assert "Wijk C, Lombok" in html
    assert "Tom Teamchef" in html
    assert "Carla Collega" in html
    assert "Twee clusters." in html
    assert 'class="spreiding__rijen" role="img"' in html
    assert [k.sleutel for k in response.context["spreiding"]] == [
        "formatie_fte",
        "inwoners",
        "oppervlakte_km2",
        "dichtheid",
        "bezetting",
    ]
    assert [t["slug"] for t in response.context["vergelijkbaar"]] == ["heuvelrug"]
    assert "/teams/utrecht-centrum/bewerken/" not in html  # a collega does not edit


def test_teamchef_sees_the_edit_links(client, profiel, teamchef):
    client.force_login(teamchef)
    html = client.get("/teams/utrecht-centrum/").content.decode()
    assert "/teams/utrecht-centrum/bewerken/" in html
    assert "/teams/utrecht-centrum/agenda/" in html


def test_a_team_with_unknown_figures_says_so(client, collega, eenheid):
    Basisteam.objects.create(naam="Leeg", slug="leeg", code="L1", eenheid=eenheid)
    client.force_login(collega)
    response = client.get("/teams/leeg/")
    assert response.status_code == 200
    assert "onbekend" in response.content.decode()
    assert response.context["vergelijkbaar"] == []


def test_context_edit_saves_and_bumps_the_version(client, profiel, teamchef):
    client.force_login(teamchef)
    response = client.post(
        "/teams/utrecht-centrum/bewerken/",
        {"overlast": "Overlast rond het station.", "versie": profiel.versie},
    )
    assert response.status_code == 302
    profiel.refresh_from_db()
    assert profiel.overlast == "Overlast rond het station."
    assert profiel.versie == 2


def test_numbers_cannot_be_changed_through_the_context_form(client, profiel, teamchef):
    client.force_login(teamchef)
    client.post(
        "/teams/utrecht-centrum/bewerken/",
        {"overlast": "x", "inwoners": 1, "wijkagenten": 999, "code": "X", "versie": 1},
    )
    profiel.refresh_from_db()
    assert (profiel.inwoners, profiel.wijkagenten, profiel.code) == (120_000, 20, "MN-UC")


def test_second_editor_gets_a_conflict_and_keeps_their_text(client, profiel, teamchef, beheerder):
    client.force_login(beheerder)
    client.post("/teams/utrecht-centrum/bewerken/", {"overlast": "Eerste", "versie": 1})
    client.force_login(teamchef)
    response = client.post("/teams/utrecht-centrum/bewerken/", {"overlast": "Tweede", "versie": 1})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is een probleem" in html
    assert "Tweede</textarea>" in html  # their text is kept in the form
    assert "Eerste" in html  # the saved version is shown beside it
    profiel.refresh_from_db()
    assert profiel.overlast == "Eerste"
    # Saving again, knowingly, replaces it.
    response = client.post("/teams/utrecht-centrum/bewerken/", {"overlast": "Tweede", "versie": 2})
    assert response.status_code == 302
    profiel.refresh_from_db()
    assert profiel.overlast == "Tweede"


def test_tampered_version_is_a_form_error_not_a_500(client, profiel, teamchef):
    client.force_login(teamchef)
    response = client.post("/teams/utrecht-centrum/bewerken/", {"overlast": "x", "versie": "abc"})
    assert response.status_code == 200


def _teams(eenheid, aantal: int) -> None:
    gemeente = Gemeente.objects.create(naam="Gemeente", cbs_code="GM9999")
    for n in range(aantal):
        team = Basisteam.objects.create(
            naam=f"Team {n:03}",
            slug=f"team-{n}",
            code=f"T{n}",
            eenheid=eenheid,
            formatie_fte=50 + n,
            inwoners=10_000 * (n + 1),
            oppervlakte_km2=5 + n,
            wijkagenten=n,
        )
        Werkgebied.objects.create(basisteam=team, gemeente=gemeente)
        Cluster.objects.create(basisteam=team, naam="Noord")


class TestList:
    def test_filters_by_eenheid_embedding_size_and_search(self, client, collega, profiel, eenheid):
        client.force_login(collega)
        namen = lambda r: [t.naam for t in r.context["pagina"].object_list]  # noqa: E731
        assert namen(client.get("/teams/?inbedding=deel")) == ["Basisteam Utrecht-Centrum"]
        assert namen(client.get("/teams/?inbedding=onbekend")) == ["Basisteam Heuvelrug"]
        assert namen(client.get("/teams/?inwoners=50000-100000")) == ["Basisteam Heuvelrug"]
        assert namen(client.get("/teams/?formatie=100-150")) == ["Basisteam Utrecht-Centrum"]
        assert namen(client.get("/teams/?q=utrecht")) == ["Basisteam Utrecht-Centrum"]
        assert namen(client.get("/teams/?eenheid=limburg")) == []
        assert len(namen(client.get("/teams/?eenheid=midden-nederland"))) == 2

    def test_filter_below_the_norm(self, client, collega, profiel):
        client.force_login(collega)
        response = client.get("/teams/?onder_norm=on")
        assert [t.naam for t in response.context["pagina"].object_list] == [
            "Basisteam Utrecht-Centrum"  # 20 of a norm of 24
        ]

    def test_sorting_by_column(self, client, collega, profiel):
        client.force_login(collega)
        response = client.get("/teams/?o=-inwoners")
        assert [t.slug for t in response.context["pagina"].object_list] == [
            "utrecht-centrum",
            "heuvelrug",
        ]
        assert 'aria-sort="descending"' in response.content.decode()

    def test_bad_filter_values_are_form_errors_not_500(self, client, collega):
        client.force_login(collega)
        for query in ["?eenheid=bestaat-niet", "?inwoners=veel", "?o=wachtwoord", "?page=abc"]:
            assert client.get(f"/teams/{query}").status_code == 200

    def test_paginated_by_25(self, client, collega, eenheid):
        _teams(eenheid, 30)
        client.force_login(collega)
        assert len(client.get("/teams/").context["pagina"].object_list) == 25
        rest = Basisteam.objects.count() - 25
        assert len(client.get("/teams/?page=2").context["pagina"].object_list) == rest

    def test_query_count_flat_with_ten_times_the_teams(
        self, client, collega, eenheid, django_assert_max_num_queries
    ):
        _teams(eenheid, 3)
        client.force_login(collega)
        # 7 for the list, 2 for the options of the agenda filters (opgave, aandachtspunt)
        # that opgaven adds to it.
        with django_assert_max_num_queries(9):
            client.get("/teams/?inwoners=tot-20000&o=naam")
        eerst = Basisteam.objects.count()
        _teams_meer(eenheid, 9 * eerst)
        assert Basisteam.objects.count() >= 10 * eerst
        with django_assert_max_num_queries(9):
            assert client.get("/teams/").status_code == 200


def _teams_meer(eenheid, aantal):
    for n in range(100, 100 + aantal):
        Basisteam.objects.create(
            naam=f"Meer {n}", slug=f"meer-{n}", code=f"M{n}", eenheid=eenheid, inwoners=n * 100
        )


def test_profile_query_count_flat_with_ten_times_the_data(
    client, collega, profiel, eenheid, teamchef, django_assert_num_queries
):
    client.force_login(collega)
    # 13 for the profile with its agenda and gesprekken sections; 1 for its voorbeelden
    # section, 1 for the similar teams' agendas and 2 for their voorbeelden.
    with django_assert_num_queries(17):
        assert client.get("/teams/utrecht-centrum/").status_code == 200
    _teams(eenheid, 30)
    for n in range(10):
        Cluster.objects.create(basisteam=profiel, naam=f"Cluster {n}")
        gemeente = Gemeente.objects.create(naam=f"G{n}", cbs_code=f"GM1{n:03}")
        Werkgebied.objects.create(basisteam=profiel, gemeente=gemeente)
    for opgave in Opgave.objects.all():
        zet_op_agenda(profiel, teamchef, opgave)
    with django_assert_num_queries(17):
        assert client.get("/teams/utrecht-centrum/").status_code == 200


def test_home_shows_the_members_own_team_first(client, collega, profiel, teamchef):
    zet_op_agenda(profiel, teamchef, Opgave.objects.get(nummer=1), notitie="Webcare")
    client.force_login(collega)
    html = client.get("/").content.decode()
    assert html.index("Basisteam Utrecht-Centrum") < html.index("Externe opgaven")
    assert "Werken in wijk en web" in html


def test_membership_cluster_must_be_of_the_same_team(collega, profiel, ander_team):
    from django.core.exceptions import ValidationError

    lid = Lidmaatschap.objects.get(user=collega)
    lid.cluster = Cluster.objects.create(basisteam=ander_team, naam="Elders")
    with pytest.raises(ValidationError):
        lid.full_clean()


@pytest.mark.parametrize(
    "pagina",
    [
        "/admin/teams/basisteam/",
        "/admin/teams/basisteam/add/",
        "/admin/teams/gemeente/",
        "/admin/teams/cluster/",
        "/admin/opgaven/agendapunt/",
    ],
)
def test_beheerder_keeps_numbers_and_membership_in_the_admin(client, beheerder, profiel, pagina):
    client.force_login(beheerder)
    assert client.get(pagina).status_code == 200


def test_admin_edit_of_a_team_bumps_its_version(client, beheerder, profiel):
    client.force_login(beheerder)
    data = admin_formulier(client, profiel)
    data["district"] = "District Utrecht-Stad"
    response = client.post(admin_url(profiel), data)
    assert response.status_code == 302
    profiel.refresh_from_db()
    assert (profiel.district, profiel.versie) == ("District Utrecht-Stad", 2)


def test_context_form_query_count(client, teamchef, profiel, django_assert_max_num_queries):
    client.force_login(teamchef)
    with django_assert_max_num_queries(7):
        assert client.get("/teams/utrecht-centrum/bewerken/").status_code == 200


@pytest.mark.parametrize("richting", ["inwoners", "-inwoners"])
def test_unknown_figures_sort_last_both_ways(client, collega, profiel, eenheid, richting):
    Basisteam.objects.create(naam="Aaa onbekend", slug="aaa", code="A0", eenheid=eenheid)
    client.force_login(collega)
    teams = client.get(f"/teams/?o={richting}").context["pagina"].object_list
    assert [t.slug for t in teams][-1] == "aaa"
