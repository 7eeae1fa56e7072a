"""A team's clusters (issue 9): the teamchef keeps their name, wijken and members on
/teams/<slug>/clusters/, each edit a version with its history (members included), a second
editor gets the conflict with their input kept, and nobody else may."""

import pytest
from django.utils.html import escape

from core.versies import CONFLICT_MELDING
from teams import services
from teams.models import Cluster, Lidmaatschap
from tests.conftest import PERSONAS, make_user
from tests.versiebeheer import admin_formulier, admin_url

pytestmark = pytest.mark.django_db

TEAM = "/teams/utrecht-centrum"
# The team's teamchef and a beheerder; a colleague of any team, the redactie and another
# team's teamchef get 403 (the team profile itself is public to colleagues).
BEWERKEN = {
    "anonymous": 302,
    "collega": 403,
    "teamchef": 200,
    "teamchef_ander_team": 403,
    "redacteur": 403,
    "beheerder": 200,
}
OPGESLAGEN = {**BEWERKEN, "teamchef": 302, "beheerder": 302}


@pytest.fixture
def noord(team, teamchef, collega) -> Cluster:
    """A cluster of `team` with the collega in it."""
    lid = Lidmaatschap.objects.get(user=collega)
    return services.maak_cluster(team, teamchef, naam="Noord", wijken="Overvecht", leden=[lid])


def _lid(user) -> Lidmaatschap:
    return Lidmaatschap.objects.get(user=user)


def _bewerk(client, cluster, *, naam=None, wijken=None, leden=None, versie=None):
    leden = cluster.lidmaatschappen.all() if leden is None else leden
    return client.post(
        f"{TEAM}/clusters/{cluster.pk}/bewerken/",
        {
            "naam": cluster.naam if naam is None else naam,
            "wijken": cluster.wijken if wijken is None else wijken,
            "leden": [str(lid.pk) for lid in leden],
            "versie": cluster.versie if versie is None else versie,
        },
    )


# --- Who may -----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("pad", ["clusters/", "clusters/nieuw/", "clusters/{pk}/bewerken/"])
def test_the_pages_per_persona(as_persona, noord, persona, pad):
    response = as_persona(persona).get(f"{TEAM}/{pad.format(pk=noord.pk)}")
    assert response.status_code == BEWERKEN[persona]
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/?next=")


@pytest.mark.parametrize("persona", PERSONAS)
def test_creating_per_persona(as_persona, team, persona):
    response = as_persona(persona).post(f"{TEAM}/clusters/nieuw/", {"naam": "Zuid"})
    assert response.status_code == OPGESLAGEN[persona]
    assert team.clusters.filter(naam="Zuid").exists() == (BEWERKEN[persona] == 200)


@pytest.mark.parametrize("persona", PERSONAS)
def test_editing_per_persona(as_persona, noord, persona):
    response = _bewerk(as_persona(persona), noord, wijken="Zuilen")
    assert response.status_code == OPGESLAGEN[persona]
    noord.refresh_from_db()
    assert (noord.wijken == "Zuilen") == (BEWERKEN[persona] == 200)


def test_an_unknown_team_or_another_teams_cluster_is_404(client, teamchef, ander_team):
    client.force_login(teamchef)
    assert client.get("/teams/bestaat-niet/clusters/").status_code == 404
    elders = services.maak_cluster(ander_team, None, naam="Elders", wijken="", leden=[])
    assert client.get(f"{TEAM}/clusters/{elders.pk}/bewerken/").status_code == 404
    assert client.get(f"{TEAM}/clusters/999999/bewerken/").status_code == 404


def test_the_profile_links_the_clusters_for_who_may_edit_them(
    client, noord, teamchef, collega, beheerder
):
    for user, ziet in [(teamchef, True), (beheerder, True), (collega, False)]:
        client.force_login(user)
        html = client.get(f"{TEAM}/").content.decode()
        assert (f'href="{TEAM}/clusters/"' in html) == ziet


# --- Creating and editing ----------------------------------------------------------------------


def test_a_new_cluster_with_wijken_and_members(client, team, teamchef, collega):
    client.force_login(teamchef)
    response = client.post(
        f"{TEAM}/clusters/nieuw/",
        {
            "naam": "Zuid",
            "wijken": "Lunetten\r\n\r\n  Hoograven \r\n",
            "leden": [_lid(collega).pk],
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"{TEAM}/clusters/"
    zuid = team.clusters.get(naam="Zuid")
    assert zuid.wijken == "Lunetten\nHoograven"
    assert list(zuid.lidmaatschappen.all()) == [_lid(collega)]
    rij = zuid.history.get()
    assert (rij.history_user, rij.history_change_reason, rij.leden, rij.versie) == (
        teamchef,
        str(services.REDEN_CLUSTER_GEMAAKT),
        "Carla Collega",
        1,
    )
    html = client.get(f"{TEAM}/clusters/").content.decode()
    assert "Zuid" in html
    assert "Lunetten, Hoograven" in html
    assert "Carla Collega" in html


def test_an_edit_is_a_version_with_members_in_its_history(client, noord, teamchef, collega):
    client.force_login(teamchef)
    response = _bewerk(client, noord, naam="Noordoost", leden=[_lid(collega), _lid(teamchef)])
    assert response.status_code == 302
    noord.refresh_from_db()
    assert (noord.naam, noord.versie) == ("Noordoost", 2)
    assert set(noord.lidmaatschappen.all()) == {_lid(collega), _lid(teamchef)}
    assert noord.history.first().leden == "Carla Collega\nTom Teamchef"

    _bewerk(client, noord, leden=[])
    noord.refresh_from_db()
    assert noord.versie == 3
    assert not noord.lidmaatschappen.exists()
    assert [r.leden for r in noord.history.all()] == [
        "",
        "Carla Collega\nTom Teamchef",
        "Carla Collega",
    ]
    html = client.get(f"{TEAM}/clusters/{noord.pk}/bewerken/").content.decode()
    assert str(services.REDEN_CLUSTER_BEWERKT) in html
    assert "Carla Collega<br>Tom Teamchef" in html  # the history on the page


def test_saving_what_is_saved_leaves_no_version(client, noord, teamchef):
    client.force_login(teamchef)
    rijen = noord.history.count()
    assert _bewerk(client, noord, wijken="Overvecht\r\n").status_code == 302
    noord.refresh_from_db()
    assert (noord.versie, noord.history.count()) == (1, rijen)


def test_a_member_moved_from_another_cluster_changes_that_cluster_too(
    client, noord, team, teamchef, collega
):
    zuid = services.maak_cluster(team, teamchef, naam="Zuid", wijken="", leden=[])
    client.force_login(teamchef)
    html = client.get(f"{TEAM}/clusters/{zuid.pk}/bewerken/").content.decode()
    # Choosing her moves her: the label says where she is now.
    assert "Carla Collega (" in html
    assert "Noord)" in html

    _bewerk(client, zuid, leden=[_lid(collega)])

    assert _lid(collega).cluster == zuid
    noord.refresh_from_db()
    assert noord.versie == 2
    rij = noord.history.first()
    assert (rij.history_change_reason, rij.leden) == (str(services.REDEN_LID_VERPLAATST), "")
    # Someone who opened Noord before the move gets the conflict, not a silent undo.
    response = _bewerk(client, noord, leden=[_lid(collega)], versie=1)
    assert response.status_code == 200
    assert _lid(collega).cluster == zuid


def test_a_conflict_keeps_what_was_typed_beside_what_is_saved(
    client, noord, teamchef, beheerder, collega
):
    services.werk_cluster_bij(noord, 1, naam="Noord", wijken="Hun wijk", leden=[], door=beheerder)
    client.force_login(teamchef)

    response = _bewerk(
        client, noord, naam="Mijn naam", wijken="Mijn wijk", versie=1, leden=[_lid(teamchef)]
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert escape(str(CONFLICT_MELDING)) in html
    assert 'value="Mijn naam"' in html
    assert "Mijn wijk</textarea>" in html
    assert f'value="{_lid(teamchef).pk}" id="id_leden_' in html
    assert "Hun wijk" in html  # the saved version beside it
    assert 'name="versie" value="2"' in html
    noord.refresh_from_db()
    assert (noord.naam, noord.wijken) == ("Noord", "Hun wijk")


@pytest.mark.parametrize(
    ("data", "veld"),
    [
        ({"naam": ""}, "naam"),
        ({"naam": "Noord"}, "naam"),  # taken in this team
        ({"naam": "x" * 151}, "naam"),
        ({"naam": "Zuid", "leden": ["999999"]}, "leden"),
        ({"naam": "Zuid", "leden": ["abc"]}, "leden"),
    ],
)
def test_bad_input_is_a_dutch_form_error_with_the_input_kept(client, noord, teamchef, data, veld):
    client.force_login(teamchef)
    response = client.post(f"{TEAM}/clusters/nieuw/", {"wijken": "Blijft staan", **data})
    assert response.status_code == 200
    assert response.context["form"].errors[veld]
    html = response.content.decode()
    assert "Er is een probleem" in html
    assert "Blijft staan</textarea>" in html


def test_a_member_of_another_team_cannot_be_chosen(client, noord, teamchef, teamchef_ander_team):
    client.force_login(teamchef)
    response = _bewerk(client, noord, leden=[_lid(teamchef_ander_team)])
    assert response.status_code == 200
    assert response.context["form"].errors["leden"]
    assert _lid(teamchef_ander_team).cluster is None


def test_a_stale_version_value_is_a_form_error_not_a_500(client, noord, teamchef):
    client.force_login(teamchef)
    assert _bewerk(client, noord, versie="oud").status_code == 200


def test_the_same_name_may_be_used_by_another_team(client, noord, ander_team, teamchef_ander_team):
    client.force_login(teamchef_ander_team)
    response = client.post("/teams/heuvelrug/clusters/nieuw/", {"naam": "Noord"})
    assert response.status_code == 302
    assert ander_team.clusters.filter(naam="Noord").exists()


# --- The admin ---------------------------------------------------------------------------------


def test_the_team_admin_shows_clusters_without_editing_them(client, noord, beheerder, team):
    client.force_login(beheerder)
    data = admin_formulier(client, team)
    data["district"] = "Stad"
    assert client.post(admin_url(team), data).status_code == 302
    noord.refresh_from_db()
    assert (noord.naam, noord.versie) == ("Noord", 1)
    html = client.get(admin_url(team)).content.decode()
    assert admin_url(noord) in html  # edited on its own page, with its version


def test_the_cluster_history_in_the_admin(client, noord, beheerder):
    client.force_login(beheerder)
    response = client.get(f"/admin/teams/cluster/{noord.pk}/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tom Teamchef" in html
    assert "Carla Collega" in html  # the members at that version


# --- Queries -----------------------------------------------------------------------------------


def _meer(team, aantal: int, begin: int) -> None:
    for n in range(begin, begin + aantal):
        user = make_user(f"lid{n}@politie.test", f"Lid {n}")
        lid = Lidmaatschap.objects.create(user=user, basisteam=team)
        cluster = services.maak_cluster(team, None, naam=f"C{n}", wijken=f"W{n}", leden=[lid])
        services.werk_cluster_bij(
            cluster, 1, naam=cluster.naam, wijken="Anders", leden=[lid], door=None
        )


@pytest.mark.parametrize(
    ("pad", "aantal"),
    # One of them is the header's "My team" of the member.
    [("clusters/", 10), ("clusters/nieuw/", 8), ("clusters/{pk}/bewerken/", 11)],
)
def test_query_counts_stay_flat_with_ten_times_the_data(
    client, noord, team, teamchef, pad, aantal, django_assert_num_queries
):
    client.force_login(teamchef)
    url = f"{TEAM}/{pad.format(pk=noord.pk)}"
    _meer(team, 2, 0)
    with django_assert_num_queries(aantal):
        assert client.get(url).status_code == 200
    _meer(team, 20, 2)
    for n in range(10):
        services.werk_cluster_bij(
            noord, noord.versie, naam="Noord", wijken=f"W{n}", leden=[], door=teamchef
        )
    with django_assert_num_queries(aantal):
        response = client.get(url)
    assert response.status_code == 200
    assert "Lid 21" in response.content.decode()
