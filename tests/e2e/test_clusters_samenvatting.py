"""Issue 9 in a real browser: the teamchef keeps the team's clusters (reached from the team
profile), and writes a gesprek's summary on the gesprek page itself. axe on every page and
state, no horizontal scroll at 320 px, and the forms without JavaScript. The user of
`logged_in_page` is the team's teamchef. Asserts on structure and values, not on the Dutch
of the new strings (the catalogue is merged by the lead)."""

import datetime

import pytest
from playwright.sync_api import expect

from gesprekken import services as gesprek_services
from opgaven.models import Gespreksleidraad
from teams import services
from teams.models import Basisteam, Eenheid, Lidmaatschap, User

from .helpers import E2E, assert_no_axe_violations

pytestmark = E2E

TEAM = "/teams/utrecht-stad"


@pytest.fixture
def team(user):
    """A team with `user` as teamchef, two colleagues and a cluster with one of them."""
    team = Basisteam.objects.create(
        naam="Utrecht-Stad",
        slug="utrecht-stad",
        code="MN-US",
        eenheid=Eenheid.objects.get(code="MN"),
    )
    Lidmaatschap.objects.create(user=user, basisteam=team, rol=Lidmaatschap.Rol.TEAMCHEF)
    for email, naam in [
        ("b.bakker@politie.example", "Bram Bakker"),
        ("c.c@politie.example", "Cor Cornelissen"),
    ]:
        lid = User.objects.create_user(email=email, password=None, naam=naam)
        Lidmaatschap.objects.create(user=lid, basisteam=team)
    bram = Lidmaatschap.objects.get(user__naam="Bram Bakker")
    team.noord = services.maak_cluster(team, user, naam="Noord", wijken="Overvecht", leden=[bram])
    return team


def _geen_horizontale_scroll(page) -> None:
    breed = page.evaluate("document.documentElement.scrollWidth")
    assert breed <= page.evaluate("window.innerWidth"), f"{page.url}: {breed} px wide"


def test_the_cluster_pages_have_no_wcag_violations_and_fit_a_phone(logged_in_page, url, team):
    page = logged_in_page
    for pad in [
        f"{TEAM}/clusters/",
        f"{TEAM}/clusters/nieuw/",
        f"{TEAM}/clusters/{team.noord.pk}/bewerken/",
    ]:
        for breedte in (1280, 320):
            page.set_viewport_size({"width": breedte, "height": 800})
            response = page.goto(url(pad))
            assert response.status == 200, pad
            assert_no_axe_violations(page)
            _geen_horizontale_scroll(page)


def test_a_teamchef_edits_a_cluster_from_the_team_profile(logged_in_page, url, team):
    page = logged_in_page
    page.goto(url(f"{TEAM}/"))
    page.locator(f"section[aria-labelledby=clusters] a[href='{TEAM}/clusters/']").click()
    expect(page).to_have_url(url(f"{TEAM}/clusters/"))
    page.locator(f"a[href='{TEAM}/clusters/{team.noord.pk}/bewerken/']").click()

    form = page.locator("main form[method=post]")
    expect(form.locator("input[name=naam]")).to_have_value("Noord")
    form.locator("textarea[name=wijken]").fill("Overvecht\nZuilen")
    form.get_by_label("Cor Cornelissen").check()
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(url(f"{TEAM}/clusters/"))
    expect(page.locator(".messages .alert--success")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Overvecht, Zuilen")
    expect(page.locator("main")).to_contain_text("Bram Bakker, Cor Cornelissen")
    team.noord.refresh_from_db()
    assert team.noord.versie == 2

    page.goto(url(f"{TEAM}/clusters/{team.noord.pk}/bewerken/"))
    expect(page.locator("section[aria-labelledby=historie] tbody tr")).to_have_count(2)


def test_a_cluster_conflict_keeps_the_input_and_passes_axe(logged_in_page, url, team, user):
    page = logged_in_page
    page.goto(url(f"{TEAM}/clusters/{team.noord.pk}/bewerken/"))
    services.werk_cluster_bij(
        team.noord, 1, naam="Noord", wijken="Van een ander", leden=[], door=user
    )
    form = page.locator("main form[method=post]")
    form.locator("textarea[name=wijken]").fill("Mijn wijken")
    form.locator("button[type=submit]").click()

    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("textarea[name=wijken]")).to_have_value("Mijn wijken")
    page.locator("main details").evaluate_all("els => els.forEach(e => { e.open = true; })")
    expect(page.locator("main .conflict").first).to_be_visible()
    expect(page.locator("main")).to_contain_text("Van een ander")
    assert_no_axe_violations(page)


@pytest.fixture
def gesprek(team, user):
    return gesprek_services.maak_gesprek(
        team,
        user,
        titel="Voorjaarsgesprek",
        datum=datetime.date.today(),
        leidraad=Gespreksleidraad.objects.get(slug="interne-opgaven"),
    )


def test_the_summary_is_written_on_the_gesprek_page(logged_in_page, url, gesprek):
    page = logged_in_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(url(f"/gesprekken/{gesprek.pk}/"))
    form = page.locator("form[data-concept=samenvatting]")
    form.locator("textarea").fill("Goed gesprek.\n\nVolgende keer met de gemeente.")
    assert_no_axe_violations(page)
    _geen_horizontale_scroll(page)
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(url(f"/gesprekken/{gesprek.pk}/#samenvatting"))
    expect(page.locator("form[data-concept=samenvatting] textarea")).to_have_value(
        "Goed gesprek.\n\nVolgende keer met de gemeente."
    )
    gesprek.refresh_from_db()
    assert gesprek.samenvatting == "Goed gesprek.\n\nVolgende keer met de gemeente."


def test_the_summary_works_without_javascript(new_context, user, live_server, url, gesprek):
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    context = new_context(java_script_enabled=False)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.goto(url(f"/gesprekken/{gesprek.pk}/"))
    page.locator("form[data-concept=samenvatting] textarea").fill("Zonder JavaScript.")
    page.locator("form[data-concept=samenvatting] button[type=submit]").click()
    expect(page.locator("form[data-concept=samenvatting] textarea")).to_have_value(
        "Zonder JavaScript."
    )
    gesprek.refresh_from_db()
    assert gesprek.samenvatting == "Zonder JavaScript."
