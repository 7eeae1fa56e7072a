"""Reflow (WCAG 1.4.10): no page of the portal scrolls sideways at 320 CSS px, nor at 1280 px
zoomed to 200 %.

Zoom is emulated as CSS pixels: at 200 % a 1280 px window is 640 CSS px wide, which is what
the page lays out against (`device_scale_factor` only sharpens the pixels and changes no
layout). Wide tables scroll inside their own focusable region, never the page.

Every page of the portal is visited, as a persona who may see it, on realistic data: the
demo teams, accounts, voorbeelden and gesprek of `load_demo`, plus a second gesprek that
follows up the first one's afspraken. A new URL that renders a page must be added below; the
test fails until it is (or until it is listed as not being an HTML page)."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from playwright.sync_api import expect

from gesprekken import services as gesprek_services
from gesprekken.models import Gesprek
from opgaven.models import Gespreksleidraad
from podium.demo import load_demo
from teams.models import Basisteam, User
from voorbeelden.models import Voorbeeld

from .helpers import E2E, OPGAVE_SLUGS

# The coverage check below needs no database; the browser tests get theirs one by one (a
# transactional test without the live server before them would leave it empty for them).
pytestmark = pytest.mark.e2e
OP_DE_SERVER = E2E[1]

VIEWPORTS = {
    "320px": {"width": 320, "height": 568},
    "1280px-at-200%": {"width": 640, "height": 360},
}

TEAM = "demo-centrum"
COLLEGA = "collega@demo.podium.invalid"  # the demo gesprek's gespreksleider, an author
TEAMCHEF = "teamchef@demo.podium.invalid"
REDACTEUR = "redacteur@demo.podium.invalid"

# Routes that answer with something other than an HTML page (a file, a feed, JSON) or only
# to a POST (the forms of a page, which come back to that page): nothing to lay out.
GEEN_PAGINA = {
    "voorbeelden/feed/",
    "voorbeelden/<slug:slug>/toepassen/",
    "voorbeelden/<slug:slug>/niet-meer-toepassen/",
    "voorbeelden/<slug:slug>/vraag/",
    "voorbeelden/<slug:slug>/vragen/<int:pk>/reageren/",
    "voorbeelden/<slug:slug>/berichten/<int:pk>/verbergen/",
    "gesprekken/<int:pk>/samenvatting/",
    "gesprekken/<int:pk>/gesprek.xlsx",
    "teams/<slug:slug>/afspraken.xlsx",
    "gesprekken/<int:pk>/status/",
    "gesprekken/<int:pk>/antwoorden/<int:antwoord_pk>/",
    "gesprekken/<int:pk>/top3/<int:antwoord_pk>/",
    "gesprekken/<int:pk>/afspraken/nieuw/",
    "gesprekken/<int:pk>/afspraken/<int:afspraak_pk>/status/",
    "gesprekken/<int:pk>/verslag.pdf",
    "gesprekken/<int:pk>/gesprek.csv",
    "teams/<slug:slug>/afspraken.csv",
    "landelijk-beeld/<slug:tabel>.csv",
    "landelijk-beeld/<slug:tabel>.xlsx",
    "teams/<slug:slug>/agenda/toevoegen/",
    "teams/<slug:slug>/agenda/<int:pk>/wijzigen/",
    "teams/<slug:slug>/agenda/<int:pk>/verwijderen/",
    "health/",
}
# allauth's pages are listed one by one below; the admin is Django's own.
NIET_VAN_HET_PORTAAL = ("accounts/", "admin/")

ACCOUNT_ANONIEM = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/x-bad-token/",
    "/accounts/password/reset/key/done/",
    "/accounts/confirm-email/",
    "/accounts/confirm-email/bad-key/",
    "/accounts/inactive/",
]
ACCOUNT_INGELOGD = [
    "/accounts/password/change/",
    "/accounts/email/",
    "/accounts/logout/",
    "/accounts/reauthenticate/",
    "/accounts/meldingen/",
]
NIET_GEVONDEN = "/bestaat-niet/"


# The pages per persona; `{…}` is filled in from the data of `portaal`.
PAGINAS = {
    None: [
        "/",
        "/opgaven/",
        *[f"/opgaven/{slug}/" for slug in OPGAVE_SLUGS],
        "/over-ggp/",
        "/voorbeelden/",
        "/voorbeelden/{uit_de_folder}/",
        *ACCOUNT_ANONIEM,
    ],
    COLLEGA: [
        "/",
        "/voorbeelden/?opgave=4",
        "/voorbeelden/{gepubliceerd}/",
        "/voorbeelden/{ingediend}/",
        "/voorbeelden/nieuw/",
        "/voorbeelden/{ingediend}/bewerken/",
        "/gesprekken/afspraken/{afspraak}/",
        "/landelijk-beeld/",
        "/landelijk-beeld/?eenheid=den-haag&periode=2jaar",  # no teams there: the empty state
        *ACCOUNT_INGELOGD,
        # The one search: empty, and found in several groups.
        "/zoeken/",
        "/zoeken/?q=wijkagent",
    ],
    TEAMCHEF: [
        "/",
        "/teams/",
        "/teams/?o=-bezetting",
        "/teams/?opgave=werken-in-wijk-en-web&fase=aan_de_slag&dichtheid=vanaf-2500",
        "/teams/?oppervlakte=heel-groot&aandachtspunt=abc",  # errors on the form
        f"/teams/{TEAM}/",
        f"/teams/{TEAM}/bewerken/",
        f"/teams/{TEAM}/agenda/",
        f"/teams/{TEAM}/gesprekken/",
        f"/teams/{TEAM}/gesprekken/nieuw/",
        f"/teams/{TEAM}/afspraken/",
        f"/teams/{TEAM}/clusters/",
        f"/teams/{TEAM}/clusters/nieuw/",
        f"/teams/{TEAM}/clusters/{{cluster}}/bewerken/",
        "/gesprekken/{eerste}/",
        "/gesprekken/{eerste}/bewerken/",
        "/gesprekken/{eerste}/verslag/",
        "/gesprekken/{tweede}/",
        "/gesprekken/{tweede}/verslag/",
        NIET_GEVONDEN,
    ],
    # Submitted, for review; a thread with the form that hides a message.
    REDACTEUR: ["/voorbeelden/{ingediend}/", "/voorbeelden/{gepubliceerd}/"],
}


def _routes(patterns, prefix: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def test_every_page_is_covered():
    """Every route of the portal that draws a page is in the list the reflow test visits."""
    voorbeeld = {"uit_de_folder": "x", "gepubliceerd": "x", "ingediend": "x"}
    waarden = {**voorbeeld, "afspraak": 1, "eerste": 1, "tweede": 2, "cluster": 1}
    bezocht = {
        resolve(pad.format(**waarden).split("?")[0]).route
        for paden in PAGINAS.values()
        for pad in paden
        if pad != NIET_GEVONDEN and not pad.startswith("/accounts/")
    }
    alle = {
        route
        for route in _routes(get_resolver().url_patterns)
        if not route.startswith(NIET_VAN_HET_PORTAAL)
    }
    assert alle - GEEN_PAGINA - bezocht == set(), "add these pages to the reflow test"


@pytest.fixture
def portaal(transactional_db) -> dict:
    """The demo data, and a second gesprek of the demo team: the first one's open afspraken
    come back in it (on its page and in its report, as the table of earlier afspraken).
    Returns the values for the `{…}` in PAGINAS."""
    load_demo()
    team = Basisteam.objects.get(slug=TEAM)
    eerste = Gesprek.objects.get(basisteam=team)
    tweede = gesprek_services.maak_gesprek(
        team,
        User.objects.get(email=TEAMCHEF),
        titel="Vervolggesprek over de wijkschouw en de webcare (demo)",
        datum=datetime.date.today(),
        leidraad=Gespreksleidraad.objects.get(slug="externe-opgaven"),
        gespreksleider=User.objects.get(email=COLLEGA),
    )
    return {
        "uit_de_folder": Voorbeeld.objects.exclude(slug__startswith="demo-").first().slug,
        "gepubliceerd": "demo-koffie-met-een-cop",
        "ingediend": "demo-wijkschouw-met-jongeren",
        "afspraak": eerste.afspraken.first().pk,
        "eerste": eerste.pk,
        "tweede": tweede.pk,
        "cluster": team.clusters.first().pk,
    }


def _context(new_context, live_server, email: str | None, viewport: dict):
    context = new_context(viewport=viewport)
    if email:
        client = Client()
        client.force_login(User.objects.get(email=email))
        context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                    "url": live_server.url,
                }
            ]
        )
    return context


@OP_DE_SERVER
@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_no_page_scrolls_sideways(new_context, live_server, url, portaal, viewport):
    te_breed = []
    for email, paden in PAGINAS.items():
        page = _context(new_context, live_server, email, viewport).new_page()
        for pad in (pad.format(**portaal) for pad in paden):
            response = page.goto(url(pad))
            verwacht = 404 if pad == NIET_GEVONDEN else 200
            assert response.status == verwacht, f"{pad} as {email}: {response.status}"
            assert response.url == url(pad), f"expected {pad} as {email}, not a redirect"
            breedte = page.evaluate("document.documentElement.scrollWidth")
            if breedte > page.evaluate("window.innerWidth"):
                te_breed.append((pad, email, breedte))
        page.context.close()
    assert not te_breed, f"wider than {viewport['width']} CSS px: " + "; ".join(
        f"{pad} ({email or 'anonymous'}): {breedte} px" for pad, email, breedte in te_breed
    )


@OP_DE_SERVER
def test_team_list_fits_a_desktop_window(logged_in_page, url, portaal):
    """At 1280 px the list of basisteams shows every column, the “below norm” badge of the
    last one included, without scrolling its table."""
    page = logged_in_page
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url("/teams/?o=bezetting"))
    regio = page.locator("main .table-scroll")
    expect(regio).to_have_count(1)
    assert regio.evaluate("e => e.scrollWidth <= e.clientWidth"), "the table scrolls at 1280 px"
    badge = regio.locator(".badge").first
    expect(badge).to_be_visible()
    assert badge.evaluate(
        "b => b.getBoundingClientRect().right <= b.closest('.table-scroll')"
        ".getBoundingClientRect().right"
    ), "the badge is cut off"
