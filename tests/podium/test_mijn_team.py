"""The header's “My team”: a member's way to their own team profile, on every page."""

import re

import pytest

from teams.models import Basisteam, Lidmaatschap

from ..conftest import PERSONAS

# The team whose profile the persona's "My team" leads to; None: no such link.
MIJN_TEAM = {
    "anonymous": None,
    "collega": "/teams/utrecht-centrum/",
    "teamchef": "/teams/utrecht-centrum/",
    "teamchef_ander_team": "/teams/heuvelrug/",
    "redacteur": None,
    "beheerder": None,
}


def hoofdmenu(html: str) -> str:
    return re.search(r'<nav class="main-nav".*?</nav>', html, re.S)[0]


def teamlinks(html: str) -> list[str]:
    """The main navigation's links to a team profile (not the list of all teams)."""
    return re.findall(r'<a class="main-nav__link" href="(/teams/[^"]+/)"', hoofdmenu(html))


@pytest.mark.parametrize("persona", PERSONAS)
def test_my_team_in_the_header_per_persona(as_persona, ander_team, persona):
    client = as_persona(persona)
    html = client.get("/opgaven/").content.decode()
    verwacht = MIJN_TEAM[persona]
    assert teamlinks(html) == ([verwacht] if verwacht else [])


def test_my_team_is_the_current_page_on_the_profile(client, collega):
    client.force_login(collega)
    menu = hoofdmenu(client.get("/teams/utrecht-centrum/").content.decode())
    assert '<a class="main-nav__link" href="/teams/utrecht-centrum/" aria-current="page">' in menu
    assert menu.count("aria-current") == 1  # not "Basisteams" too

    menu = hoofdmenu(client.get("/teams/utrecht-centrum/gesprekken/").content.decode())
    assert '<a class="main-nav__link" href="/teams/utrecht-centrum/" aria-current="true">' in menu
    assert menu.count("aria-current") == 1

    # Another team's profile is one of the basisteams, not "My team".
    menu = hoofdmenu(client.get("/teams/").content.decode())
    assert 'href="/teams/utrecht-centrum/" aria-current' not in menu
    assert '<a class="main-nav__link" href="/teams/" aria-current="page">' in menu


def test_a_member_of_several_teams_gets_the_first_by_name(client, collega, ander_team):
    Lidmaatschap.objects.create(user=collega, basisteam=ander_team)  # "Basisteam Heuvelrug"
    client.force_login(collega)
    assert teamlinks(client.get("/opgaven/").content.decode()) == ["/teams/heuvelrug/"]


def test_my_team_costs_one_query_whatever_the_number_of_teams(
    client, collega, eenheid, django_assert_num_queries
):
    client.force_login(collega)
    # Pinned; one of them is the header's query for "My team", the same for ten teams.
    with django_assert_num_queries(5):
        client.get("/opgaven/")
    for i in range(10):
        team = Basisteam.objects.create(
            naam=f"Aa-team {i}", slug=f"aa-team-{i}", code=f"AA{i}", eenheid=eenheid
        )
        Lidmaatschap.objects.create(user=collega, basisteam=team)
    with django_assert_num_queries(5):
        html = client.get("/opgaven/").content.decode()
    assert teamlinks(html) == ["/teams/aa-team-0/"]
