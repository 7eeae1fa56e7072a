"""The voorbeelden pages in a real browser: the library with its htmx filters (and without
JavaScript), a voorbeeld, sharing one, “wij passen dit toe” and asking a question.

The nl catalogue of these pages is still growing, so the tests assert on structure, names
and values, never on Dutch text of the new pages."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from django.utils.text import slugify
from playwright.sync_api import expect

from core.rechten import REDACTIE
from opgaven.models import Opgave
from teams.models import Basisteam, Eenheid, Lidmaatschap, User
from voorbeelden.models import Redactiestatus, Toepassing, Voorbeeld

from .helpers import E2E, assert_no_axe_violations

pytestmark = E2E

TEAM = "utrecht-stad"
OPGAVE = "versterken-van-wendbare-nabijheid"  # opgave 4: four of the folder's seven
MET_CONTACT = "bondgenoten"


@pytest.fixture
def team(user):
    """A basisteam with `user` as a colleague in it, so the “apply” form shows."""
    team = Basisteam.objects.create(
        naam="Utrecht-Stad", slug=TEAM, code="MN-US", eenheid=Eenheid.objects.get(code="MN")
    )
    Lidmaatschap.objects.create(user=user, basisteam=team, rol=Lidmaatschap.Rol.COLLEGA)
    return team


@pytest.fixture
def met_contactpersoon(transactional_db):
    """A published voorbeeld with a contact person, so questions can be asked."""
    contact = User.objects.create_user(
        email="c.devries@politie.example", password=None, naam="Carla de Vries"
    )
    voorbeeld = Voorbeeld.objects.get(slug=MET_CONTACT)
    voorbeeld.contactpersoon = contact
    voorbeeld.save(update_fields=["contactpersoon"])
    return voorbeeld


def resultaat_links(page):
    return page.locator("#resultaten .result__title a")


def aantal_in_kop(aantal: int) -> re.Pattern:
    """The count heading, whatever its words: the number comes first."""
    return re.compile(rf"^\s*{aantal}\b")


def hrefs(voorbeelden) -> set[str]:
    return {v.get_absolute_url() for v in voorbeelden}


# --- Accessibility -------------------------------------------------------------------------

# Each page, and a part of it the axe run is meant to cover.
PUBLIC_PAGES = {
    "/voorbeelden/": "form.filters select[name=opgave]",
    "/voorbeelden/?q=webcare": "#resultaten .result a[href='/voorbeelden/webcare-twente/']",
    f"/voorbeelden/?opgave={OPGAVE}&sortering=toegepast": "#resultaten .result",
    "/voorbeelden/fabricius/": "section[aria-labelledby=toepassingen-titel]",
}

MEMBER_PAGES = {
    "/voorbeelden/fabricius/": "form[action='/voorbeelden/fabricius/toepassen/'] select",
    f"/voorbeelden/{MET_CONTACT}/": (
        f"#vragen form[action='/voorbeelden/{MET_CONTACT}/vraag/'] textarea[name=vraag-tekst]"
    ),
    "/voorbeelden/nieuw/": "main form input[name=opgaven][type=checkbox]",
}


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_voorbeelden_page_has_no_wcag_violations(page, url, path):
    response = page.goto(url(path))
    assert response.status == 200
    expect(page.locator(PUBLIC_PAGES[path]).first).to_be_visible()
    assert_no_axe_violations(page)


@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_member_voorbeelden_page_has_no_wcag_violations(
    logged_in_page, url, team, met_contactpersoon, path
):
    response = logged_in_page.goto(url(path))
    assert response.status == 200
    assert response.url == url(path), "expected the voorbeelden page, not a login redirect"
    expect(logged_in_page.locator(MEMBER_PAGES[path]).first).to_be_visible()
    assert_no_axe_violations(logged_in_page)


def test_voorbeeld_form_with_errors_has_no_wcag_violations(logged_in_page, url):
    page = logged_in_page
    page.goto(url("/voorbeelden/nieuw/"))
    page.locator("button[name=actie][value=indienen]").click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    for veld in ("titel", "samenvatting", "opgaven"):
        expect(summary.locator(f"a[href='#id_{veld}']")).to_be_visible()
    expect(page.locator("#id_titel")).to_have_attribute("aria-invalid", "true")
    page.wait_for_load_state()  # the re-rendered page, with its stylesheet
    assert_no_axe_violations(page)
    assert not Voorbeeld.objects.filter(auteur__isnull=False).exists()

    # What was typed is kept when something else is missing.
    page.locator("input[name=titel]").fill("Buurtpreventie op de fiets")
    page.locator("button[name=actie][value=indienen]").click()
    expect(page.locator(".error-summary a[href='#id_titel']")).to_have_count(0)
    expect(page.locator(".error-summary a[href='#id_samenvatting']")).to_be_visible()
    expect(page.locator("input[name=titel]")).to_have_value("Buurtpreventie op de fiets")


def test_colleague_asks_and_replies_in_the_thread(logged_in_page, url, met_contactpersoon):
    """The thread under a voorbeeld: an empty question gets the error on the form, a
    question and a reply to it appear in their place; the page passes axe each time."""
    page = logged_in_page
    page.goto(url(f"/voorbeelden/{MET_CONTACT}/"))
    vraag = page.locator(f"#vragen form[action='/voorbeelden/{MET_CONTACT}/vraag/']")
    vraag.locator("button[type=submit]").click()
    expect(page.locator("#vragen .error-summary")).to_be_visible()
    expect(page.locator("#id_vraag-tekst")).to_have_attribute("aria-invalid", "true")
    page.wait_for_load_state()
    assert_no_axe_violations(page)

    vraag.locator("textarea").fill("Hoe kwamen jullie aan de sleutelfiguren?")
    vraag.locator("button[type=submit]").click()
    bericht = page.locator("#vragen .bericht", has_text="Hoe kwamen jullie aan de sleutelfiguren?")
    expect(bericht).to_be_visible()
    page.locator("#vragen details.draad__reageren summary").first.click()
    reageren = page.locator("#vragen details.draad__reageren form").first
    reageren.locator("textarea").fill("Via de wijkraad.")
    reageren.locator("button[type=submit]").click()
    expect(
        page.locator("#vragen .draad__reacties .bericht", has_text="Via de wijkraad.")
    ).to_be_visible()
    page.wait_for_load_state()
    assert_no_axe_violations(page)


# --- Sharing and applying ------------------------------------------------------------------


def test_colleague_submits_a_voorbeeld(logged_in_page, url, user):
    page = logged_in_page
    opgave = Opgave.objects.get(slug=OPGAVE)
    titel = "Spreekuur in de bibliotheek"
    page.goto(url("/voorbeelden/nieuw/"))
    form = page.locator("main form[method=post]")
    form.locator("input[name=titel]").fill(titel)
    form.locator("textarea[name=samenvatting]").fill("Elke woensdag een uur in de bieb.")
    form.locator("textarea[name=aanpak]").fill(
        "Zo pakten we het aan:\n\n- een vaste tafel\n- een aankondiging in de wijkkrant"
    )
    form.locator(f"input[name=opgaven][value='{opgave.pk}']").check()
    form.locator("button[name=actie][value=indienen]").click()

    slug = slugify(titel)
    expect(page).to_have_url(url(f"/voorbeelden/{slug}/"))
    expect(page.locator(".messages .alert--success")).to_be_visible()
    expect(page.locator("article.voorbeeld > .alert")).to_be_visible()  # not published
    expect(page.get_by_role("heading", level=1)).to_have_text(titel)
    aanpak = page.locator("section[aria-labelledby=aanpak] .prose")
    expect(aanpak.locator("ul > li")).to_have_text(
        ["een vaste tafel", "een aankondiging in de wijkkrant"]
    )

    voorbeeld = Voorbeeld.objects.get(slug=slug)
    assert voorbeeld.redactiestatus == Redactiestatus.INGEDIEND
    assert voorbeeld.auteur == user
    assert list(voorbeeld.opgaven.all()) == [opgave]
    assert not voorbeeld.is_gepubliceerd
    # Not in the public library until the redactie publishes it.
    page.goto(url("/voorbeelden/"))
    expect(page.locator(f"#resultaten a[href='/voorbeelden/{slug}/']")).to_have_count(0)


def test_member_records_that_their_team_applies_a_voorbeeld(logged_in_page, url, user, team):
    page = logged_in_page
    page.goto(url("/voorbeelden/fabricius/"))
    teams = page.locator("section[aria-labelledby=toepassingen-titel]")
    expect(teams.locator(f"a[href='/teams/{TEAM}/']")).to_have_count(0)

    form = teams.locator("form[action='/voorbeelden/fabricius/toepassen/']")
    form.locator("select[name=basisteam]").select_option(str(team.pk))
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(url("/voorbeelden/fabricius/"))
    expect(page.locator(".messages .alert--success")).to_be_visible()
    expect(teams.locator(f"li a[href='/teams/{TEAM}/']")).to_have_text(team.naam)
    # The team has recorded it; the form offers no team any more, only to undo it.
    expect(teams.locator("form[action='/voorbeelden/fabricius/toepassen/']")).to_have_count(0)
    expect(
        teams.locator("form[action='/voorbeelden/fabricius/niet-meer-toepassen/']")
    ).to_have_count(1)
    toepassing = Toepassing.objects.get(voorbeeld__slug="fabricius")
    assert (toepassing.basisteam, toepassing.door) == (team, user)


# --- The library: htmx, no JavaScript, CSP -------------------------------------------------


def test_filtering_swaps_the_results_in_place(page, url):
    alle = Voorbeeld.objects.gepubliceerd()
    passend = alle.filter(opgaven__slug=OPGAVE)
    assert 0 < passend.count() < alle.count()

    page.goto(url("/voorbeelden/"))
    page.wait_for_function("() => window.htmx !== undefined")
    kop = page.locator("#resultaten-titel")
    expect(kop).to_have_text(aantal_in_kop(alle.count()))
    page.evaluate("() => { window.__marker = 1; }")

    with page.expect_response(
        lambda r: "/voorbeelden/?" in r.url and r.request.headers.get("hx-request") == "true"
    ) as response:
        page.locator("form.filters select[name=opgave]").select_option(OPGAVE)
    assert response.value.ok

    expect(page).to_have_url(re.compile(rf"[?&]opgave={OPGAVE}(&|$)"))
    expect(kop).to_have_text(aantal_in_kop(passend.count()))
    expect(resultaat_links(page)).to_have_count(passend.count())
    assert set(resultaat_links(page).evaluate_all("as => as.map(a => a.pathname)")) == hrefs(
        passend
    )
    expect(page.locator("#resultaten")).to_have_count(1)  # swapped, not nested
    assert page.evaluate("() => window.__marker") == 1, "the page was reloaded"
    # The new count is announced from a live region outside the swapped results.
    expect(page.locator("#resultaten-status[role=status]")).to_have_count(1)
    expect(page.locator("#resultaten-status")).not_to_be_empty()
    expect(page.locator("form.filters select[name=opgave]")).to_have_value(OPGAVE)


def test_back_after_filtering_restores_the_whole_page(page, url):
    alle = Voorbeeld.objects.gepubliceerd().count()
    page.goto(url("/voorbeelden/"))
    page.wait_for_function("() => window.htmx !== undefined")
    page.locator("form.filters select[name=opgave]").select_option(OPGAVE)
    expect(page).to_have_url(re.compile(rf"[?&]opgave={OPGAVE}(&|$)"))

    page.go_back()

    expect(page).to_have_url(url("/voorbeelden/"))
    expect(resultaat_links(page)).to_have_count(alle)
    assert page.locator("header.site-header nav").count() == 1
    assert page.get_by_role("heading", level=1).count() == 1
    assert page.locator("form.filters select[name=opgave]").count() == 1


def test_filtering_works_without_javascript(new_context, url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(url("/voorbeelden/"))
    expect(resultaat_links(page)).to_have_count(Voorbeeld.objects.gepubliceerd().count())

    form = page.locator("form.filters")
    form.locator("input[name=q]").fill("webcare")
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"[?&]q=webcare(&|$)"))
    expect(resultaat_links(page)).to_have_count(1)
    expect(resultaat_links(page)).to_have_attribute("href", "/voorbeelden/webcare-twente/")
    expect(resultaat_links(page)).to_have_text("Webcare Twente")
    expect(page.locator("#resultaten-titel")).to_have_text(aantal_in_kop(1))
    expect(page.locator("form.filters input[name=q]")).to_have_value("webcare")


def test_htmx_runs_under_the_strict_csp(page, url):
    fouten = []
    page.on(
        "console",
        lambda m: fouten.append(f"console.{m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: fouten.append(f"pageerror: {e}"))
    # Init scripts are injected through the DevTools protocol, not subject to the CSP.
    page.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"
    )

    response = page.goto(url("/voorbeelden/"))
    csp = response.headers.get("content-security-policy", "")
    script_src = re.search(r"(?:^|;)\s*script-src ([^;]*)", csp)
    assert script_src, csp
    # Only the site's own files (and a nonce, when a page uses one): htmx must do without.
    assert re.fullmatch(r"'self'( 'nonce-[^']+')?", script_src[1].strip()), csp

    page.wait_for_function("() => window.htmx !== undefined")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.locator("form.filters select[name=opgave]").select_option(OPGAVE)
    expect(page).to_have_url(re.compile(rf"[?&]opgave={OPGAVE}(&|$)"))
    expect(page.locator("#resultaten-titel")).to_have_text(
        aantal_in_kop(Voorbeeld.objects.gepubliceerd().filter(opgaven__slug=OPGAVE).count())
    )

    assert page.evaluate("() => window.__csp") == []
    assert not [f for f in fouten if "Content Security Policy" in f], fouten
    assert fouten == []


# --- Issue 9: sharing and reviewing ----------------------------------------------------------


def _zonder_javascript(new_context, live_server, user):
    """A page without JavaScript holding the session of `user`."""
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
    return context.new_page()


def test_member_undoes_wij_passen_dit_toe_without_javascript(
    new_context, live_server, url, user, team
):
    page = _zonder_javascript(new_context, live_server, user)
    page.goto(url("/voorbeelden/fabricius/"))
    teams = page.locator("section[aria-labelledby=toepassingen-titel]")
    teams.locator("form[action='/voorbeelden/fabricius/toepassen/'] button").click()
    expect(teams.locator(f"li a[href='/teams/{TEAM}/']")).to_have_count(1)

    intrekken = teams.locator("form[action='/voorbeelden/fabricius/niet-meer-toepassen/']")
    expect(intrekken).to_have_count(1)
    expect(intrekken.get_by_role("button")).to_contain_text(team.naam)  # its accessible name
    intrekken.get_by_role("button").click()

    expect(page).to_have_url(url("/voorbeelden/fabricius/"))
    expect(page.locator(".messages .alert--success")).to_be_visible()
    expect(teams.locator(f"li a[href='/teams/{TEAM}/']")).to_have_count(0)
    expect(teams.locator("form[action='/voorbeelden/fabricius/toepassen/']")).to_have_count(1)
    assert not Toepassing.objects.exists()


def test_the_form_knows_the_team_and_takes_a_new_partner(logged_in_page, url, team):
    page = logged_in_page
    page.goto(url("/voorbeelden/nieuw/"))
    form = page.locator("main form[method=post]")
    expect(form.locator("select[name=eenheid]")).to_have_value(str(team.eenheid_id))
    expect(form.locator("select[name=basisteam]")).to_have_value(str(team.pk))

    form.locator("input[name=titel]").fill("Buurtschouw met de woningcorporatie")
    form.locator("textarea[name=samenvatting]").fill("Elke maand lopen we samen door de wijk.")
    form.locator(f"input[name=opgaven][value='{Opgave.objects.get(slug=OPGAVE).pk}']").check()
    form.get_by_label(re.compile("Naam van de partner|Name of the partner")).fill(
        "Woonstichting Lombok"
    )
    # The kind is missing: the page says so and keeps what was typed.
    form.locator("button[name=actie][value=concept]").click()
    expect(page.locator(".error-summary a[href='#id_nieuwe_partner_soort']")).to_be_visible()
    expect(page.locator("input[name=nieuwe_partner]")).to_have_value("Woonstichting Lombok")
    page.wait_for_load_state()
    assert_no_axe_violations(page)

    page.locator("select[name=nieuwe_partner_soort]").select_option("woningcorporatie")
    page.locator("button[name=actie][value=concept]").click()
    expect(page).to_have_url(url("/voorbeelden/buurtschouw-met-de-woningcorporatie/"))
    expect(page.locator("section[aria-labelledby=partners-titel] li")).to_contain_text(
        "Woonstichting Lombok"
    )
    voorbeeld = Voorbeeld.objects.get(slug="buurtschouw-met-de-woningcorporatie")
    assert (voorbeeld.eenheid, voorbeeld.basisteam) == (team.eenheid, team)


@pytest.fixture
def intern(transactional_db):
    """Published for colleagues, not openbaar."""
    voorbeeld = Voorbeeld.objects.create(
        titel="Alleen voor collega's",
        slug="alleen-voor-collegas",
        samenvatting="Gepubliceerd, niet openbaar.",
        redactiestatus=Redactiestatus.GEPUBLICEERD,
        gepubliceerd_op=timezone.now(),
    )
    voorbeeld.opgaven.set([Opgave.objects.get(slug=OPGAVE)])
    return voorbeeld


def test_an_anonymous_visitor_sees_only_openbaar_voorbeelden(page, url, intern):
    page.goto(url("/voorbeelden/"))
    expect(resultaat_links(page)).to_have_count(Voorbeeld.objects.openbaar().count())
    expect(page.locator(f"#resultaten a[href='{intern.get_absolute_url()}']")).to_have_count(0)
    expect(page.locator("#alleen-openbaar a")).to_be_visible()
    assert_no_axe_violations(page)

    page.goto(url(intern.get_absolute_url()))
    expect(page).to_have_url(
        re.compile(r"/accounts/login/\?next=/voorbeelden/alleen-voor-collegas/")
    )


@pytest.fixture
def redacteur_page(context, live_server, transactional_db):
    redacteur = User.objects.create_user(
        email="r.redacteur@politie.example", password=None, naam="Rik Redacteur", is_staff=True
    )
    redacteur.groups.add(Group.objects.get(name=REDACTIE))
    client = Client()
    client.force_login(redacteur)
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


def test_the_redacteur_previews_a_submitted_voorbeeld_and_publishes_it(
    redacteur_page, url, intern
):
    page = redacteur_page
    auteur = User.objects.create_user(email="auteur@politie.example", password=None, naam="Anna")
    ingediend = Voorbeeld.objects.create(
        titel="Wacht op de redactie",
        slug="wacht-op-de-redactie",
        samenvatting="Ingediend.",
        redactiestatus=Redactiestatus.INGEDIEND,
        auteur=auteur,
    )
    ingediend.opgaven.set([Opgave.objects.get(slug=OPGAVE)])

    page.goto(url(ingediend.get_absolute_url()))
    banner = page.locator("#beoordeling")
    expect(banner).to_be_visible()
    assert_no_axe_violations(page)
    banner.locator(f"a[href='/admin/voorbeelden/voorbeeld/{ingediend.pk}/change/']").click()

    page.locator("input[name=_publiceren]").click()
    expect(page).to_have_url(url("/admin/voorbeelden/voorbeeld/"))
    ingediend.refresh_from_db()
    assert ingediend.redactiestatus == Redactiestatus.GEPUBLICEERD
