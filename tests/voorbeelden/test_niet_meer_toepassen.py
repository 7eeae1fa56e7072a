"""“Wij passen dit toe” undone: by a member of the team that recorded it, nobody else, with a
plain form (no JavaScript needed)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from teams.models import Basisteam, Lidmaatschap
from tests.conftest import PERSONAS
from voorbeelden.models import Toepassing, Voorbeeld

pytestmark = pytest.mark.django_db

URL = "/voorbeelden/fabricius/niet-meer-toepassen/"


@pytest.fixture
def toegepast(team, teamchef):
    return Toepassing.objects.create(
        voorbeeld=Voorbeeld.objects.get(slug="fabricius"), basisteam=team, door=teamchef
    )


MAG_INTREKKEN = {
    "anonymous": False,
    "collega": True,  # any member of the team, not only who recorded it
    "teamchef": True,
    "teamchef_ander_team": False,
    "redacteur": False,  # the redactie does it in the admin
    "beheerder": False,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_a_member_of_the_team_undoes_it(as_persona, toegepast, team, persona):
    client = as_persona(persona)
    response = client.post(URL, {"basisteam": team.pk})
    assert response.status_code == 302
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/")
    else:
        assert response["Location"] == "/voorbeelden/fabricius/"
    assert Toepassing.objects.filter(pk=toegepast.pk).exists() is not MAG_INTREKKEN[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_page_offers_it_only_to_the_teams_members(as_persona, toegepast, team, persona):
    html = as_persona(persona).get("/voorbeelden/fabricius/").content.decode()
    assert (f'action="{URL}"' in html) is MAG_INTREKKEN[persona]
    if MAG_INTREKKEN[persona]:
        assert f'name="basisteam" value="{team.pk}"' in html


def test_undone_the_team_may_record_it_again(client, collega, toegepast, team):
    client.force_login(collega)
    client.post(URL, {"basisteam": team.pk})
    html = client.get("/voorbeelden/fabricius/").content.decode()
    assert 'action="/voorbeelden/fabricius/toepassen/"' in html
    assert f'action="{URL}"' not in html
    client.post("/voorbeelden/fabricius/toepassen/", {"basisteam": team.pk})
    assert Toepassing.objects.filter(basisteam=team).count() == 1


def test_only_ones_own_team_is_undone(client, collega, toegepast, ander_team, teamchef_ander_team):
    anders = Toepassing.objects.create(
        voorbeeld=toegepast.voorbeeld, basisteam=ander_team, door=teamchef_ander_team
    )
    client.force_login(collega)
    client.post(URL, {"basisteam": ander_team.pk})
    client.post(URL, {"basisteam": "abc"})
    assert set(Toepassing.objects.all()) == {toegepast, anders}


def test_undoing_what_was_not_recorded_changes_nothing(client, collega, team):
    client.force_login(collega)
    response = client.post(URL, {"basisteam": team.pk})
    assert response.status_code == 302
    assert not Toepassing.objects.exists()


def test_undoing_needs_a_post(client, collega, toegepast, team):
    client.force_login(collega)
    assert client.get(URL, {"basisteam": team.pk}).status_code == 405
    assert Toepassing.objects.filter(pk=toegepast.pk).exists()


def test_query_count_flat_with_ten_times_the_teams_that_apply_it(
    client, collega, toegepast, team, django_assert_num_queries
):
    client.force_login(collega)
    with CaptureQueriesContext(connection) as eerst:
        client.get("/voorbeelden/fabricius/")
    assert len(eerst) <= 13
    for n in range(10):
        extra = Basisteam.objects.create(
            naam=f"Team {n}", slug=f"team-{n}", code=f"MN-{n}", eenheid=team.eenheid
        )
        Toepassing.objects.create(voorbeeld=toegepast.voorbeeld, basisteam=extra, door=collega)
        if n % 2:
            Lidmaatschap.objects.create(
                user=collega, basisteam=extra, rol=Lidmaatschap.Rol.COLLEGA
            )
    with django_assert_num_queries(len(eerst)):
        html = client.get("/voorbeelden/fabricius/").content.decode()
    assert html.count(f'action="{URL}"') == 6
