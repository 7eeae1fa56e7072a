"""On a phone: the results come before the filters, which are folded away behind one button
that says how many are active; the team profile and the gesprek page show their main content
within the first screen, with the rest one tap away in "On this page"."""

import re

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from gesprekken.models import Gesprek
from podium.demo import load_demo
from teams.models import User

from .helpers import E2E

pytestmark = E2E

TELEFOON = {"width": 390, "height": 844}
TEAMCHEF = "teamchef@demo.podium.invalid"
OPGAVE = "versterken-van-wendbare-nabijheid"

# page: (the filter form's first field, where the results start)
LIJSTEN = {
    f"/voorbeelden/?opgave={OPGAVE}&status=loopt": ("select[name=opgave]", "#resultaten-titel"),
    "/teams/?eenheid=amsterdam&onder_norm=on": ("input[name=q]", "h2#resultaten"),
    "/teams/demo-centrum/afspraken/?status=openstaand&opgave=" + OPGAVE: (
        "select[name=status]",
        "h2#resultaten",
    ),
}


@pytest.fixture
def demo(transactional_db):
    load_demo()


def _pagina(new_context, live_server, *, javascript: bool = True, viewport=TELEFOON):
    context = new_context(viewport=viewport, java_script_enabled=javascript)
    client = Client()
    client.force_login(User.objects.get(email=TEAMCHEF))
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def _boven(locator) -> float:
    return locator.evaluate("e => e.getBoundingClientRect().top")


def _in_eerste_scherm(page, locator) -> bool:
    return _boven(locator) < page.evaluate("window.innerHeight")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "zonder-js"])
@pytest.mark.parametrize("pad", LIJSTEN.keys())
def test_results_come_before_the_folded_filters(
    new_context, live_server, url, demo, pad, javascript
):
    page = _pagina(new_context, live_server, javascript=javascript)
    page.goto(url(pad))
    veld_selector, resultaten_selector = LIJSTEN[pad]
    knop = page.locator("main details.uitklap > summary")
    veld = page.locator(f"main form.filters {veld_selector}")
    resultaten = page.locator(resultaten_selector)

    # One button, saying that two filters are active; the fields folded away behind it.
    expect(knop).to_be_visible()
    expect(knop).to_have_text(re.compile(r"\(2\b"))
    expect(veld).to_be_hidden()
    # The results follow the button, within the first screen.
    expect(resultaten).to_be_visible()
    assert _boven(knop) < _boven(resultaten)
    assert _in_eerste_scherm(page, resultaten)

    knop.click()
    expect(veld).to_be_visible()


def test_the_count_follows_a_filter_changed_in_place(new_context, live_server, url, demo):
    page = _pagina(new_context, live_server)
    page.goto(url("/voorbeelden/"))
    page.wait_for_function("() => window.htmx !== undefined")
    knop = page.locator("main details.uitklap > summary")
    expect(knop).not_to_have_text(re.compile(r"\d"))  # nothing active
    knop.click()
    page.locator("form.filters select[name=opgave]").select_option(OPGAVE)
    expect(knop).to_have_text(re.compile(r"\(1\b"))


def test_filters_are_open_on_a_wide_screen(new_context, live_server, url, demo):
    for pad, (veld_selector, _resultaten) in LIJSTEN.items():
        page = _pagina(new_context, live_server, viewport={"width": 1280, "height": 800})
        page.goto(url(pad))
        expect(page.locator(f"main form.filters {veld_selector}")).to_be_visible()
        page.context.close()


def _in_page_menu_works(page) -> None:
    menu = page.locator("main nav.op-deze-pagina")
    expect(menu).to_be_visible()
    assert _in_eerste_scherm(page, menu)
    doelen = menu.locator("a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert len(doelen) >= 4
    for doel in doelen:
        assert doel.startswith("#")
        expect(page.locator(doel)).to_have_count(1)


def test_team_profile_shows_its_key_figures_first(new_context, live_server, url, demo):
    page = _pagina(new_context, live_server)
    page.goto(url("/teams/demo-centrum/"))
    _in_page_menu_works(page)
    kengetallen = page.locator("#kengetallen")
    assert _in_eerste_scherm(page, kengetallen)
    assert _in_eerste_scherm(page, page.locator("section[aria-labelledby=kengetallen] dd").first)


def test_gesprek_page_shows_the_gesprek_first(new_context, live_server, url, demo):
    gesprek = Gesprek.objects.get(basisteam__slug="demo-centrum")
    page = _pagina(new_context, live_server)
    page.goto(url(f"/gesprekken/{gesprek.pk}/"))
    _in_page_menu_works(page)
    # Its details, status buttons and report links are folded behind one button …
    gegevens = page.locator("details#gegevens")
    expect(gegevens.locator("> summary")).to_be_visible()
    expect(gegevens.locator("dl.gesprek__gegevens")).to_be_hidden()
    # … so the gesprek's own content starts within the first screen.
    eerste_sectie = page.locator("main section h2").first
    assert _in_eerste_scherm(page, eerste_sectie)
    # The menu leads to the questions.
    page.locator("nav.op-deze-pagina a[href='#vragen']").click()
    expect(page).to_have_url(re.compile(r"#vragen$"))
    assert _in_eerste_scherm(page, page.locator("#vragen-titel"))
