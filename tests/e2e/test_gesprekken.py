"""Gesprekken in a real browser: axe on every page and state, and a gesprek recorded from
start to report by a teamchef. The user of `logged_in_page` is the team's teamchef."""

import datetime
import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from gesprekken import services
from gesprekken.models import Afspraak, Gesprek
from opgaven.models import Gespreksleidraad, Opgave
from teams.models import Basisteam, Eenheid, Lidmaatschap, User

from .helpers import E2E, assert_no_axe_violations

pytestmark = E2E

TEAM = "/teams/utrecht-stad"


@pytest.fixture
def gesprekken(user):
    """A team with `user` as teamchef, a gespreksleider, a completed earlier gesprek with
    open afspraken (one overdue) and a current gesprek with an answer and its history."""
    team = Basisteam.objects.create(
        naam="Utrecht-Stad",
        slug="utrecht-stad",
        code="MN-US",
        eenheid=Eenheid.objects.get(code="MN"),
    )
    Lidmaatschap.objects.create(user=user, basisteam=team, rol=Lidmaatschap.Rol.TEAMCHEF)
    leider = User.objects.create_user(
        email="b.bakker@politie.example", password=None, naam="Bram Bakker"
    )
    Lidmaatschap.objects.create(user=leider, basisteam=team)
    intern = Gespreksleidraad.objects.get(slug="interne-opgaven")
    vandaag = datetime.date.today()

    eerder = services.maak_gesprek(
        team,
        user,
        titel="Wintergesprek",
        datum=vandaag - datetime.timedelta(days=90),
        leidraad=intern,
        gespreksleider=leider,
    )
    te_laat, loopt = services.maak_afspraken(
        eerder,
        user,
        [
            {
                "omschrijving": "Fietsverlichting controleren bij de scholen",
                "eigenaar": "Bram Bakker",
                "streefdatum": vandaag - datetime.timedelta(days=10),
                "opgave": Opgave.objects.get(nummer=2),
            },
            {"omschrijving": "Wijkschouw met de gemeente", "eigenaar": "gemeente"},
        ],
    )
    services.werk_afspraak_bij(loopt, user, 1, {"status": "loopt"})
    services.zet_status(eerder, "gevoerd", heropenen=False)
    services.zet_status(eerder, "afgerond", heropenen=False)

    huidig = services.maak_gesprek(
        team,
        user,
        titel="Voorjaarsgesprek",
        datum=vandaag - datetime.timedelta(days=1),
        leidraad=intern,
        opgaven=Opgave.objects.filter(nummer__in=[5, 6]),
        gespreksleider=leider,
        deelnemers="wijkagenten, gemeente, woningcorporatie",
    )
    eerste = huidig.antwoorden.get(volgorde=1)
    services.leg_antwoord_vast(eerste, leider, 1, "Eerste versie van het antwoord.")
    services.leg_antwoord_vast(eerste, user, 2, "We werken in twee clusters.")
    return SimpleNamespace(team=team, leider=leider, eerder=eerder, huidig=huidig, te_laat=te_laat)


def _bewaar(page, sleutel: str) -> None:
    """Press the save button of the gesprek page's form `data-concept="<sleutel>"`."""
    page.locator(f"form[data-concept='{sleutel}'] button[type=submit]").click()


def _open_details(page) -> None:
    """Open every <details>, so axe checks the history inside them too."""
    page.locator("main details").evaluate_all("els => els.forEach(e => { e.open = true; })")


def test_every_gesprekken_page_has_no_wcag_violations(logged_in_page, url, gesprekken):
    page = logged_in_page
    afspraak = gesprekken.te_laat
    paden = [
        f"{TEAM}/",
        f"{TEAM}/gesprekken/",
        f"{TEAM}/gesprekken/nieuw/",
        f"/gesprekken/{gesprekken.huidig.pk}/",
        f"/gesprekken/{gesprekken.eerder.pk}/",  # completed: read-only
        f"/gesprekken/{gesprekken.huidig.pk}/bewerken/",
        f"/gesprekken/{gesprekken.huidig.pk}/verslag/",
        f"{TEAM}/afspraken/",
        f"{TEAM}/afspraken/?status=openstaand&over_tijd=on",
        f"/gesprekken/afspraken/{afspraak.pk}/",
    ]
    for pad in paden:
        response = page.goto(url(pad))
        assert response.status == 200, pad
        assert response.url == url(pad), f"expected {pad}, not a redirect"
        _open_details(page)
        assert_no_axe_violations(page)


def test_pages_show_what_axe_is_checking(logged_in_page, url, gesprekken):
    page = logged_in_page
    page.goto(url(f"/gesprekken/{gesprekken.huidig.pk}/"))
    eerdere = page.locator("#eerdere li.afspraak")
    expect(eerdere).to_have_count(2)
    expect(eerdere.first.locator(".afspraak-status--over-tijd")).to_be_visible()
    expect(page.locator("article.vraag")).to_have_count(3)
    expect(page.locator("article.vraag details.historie")).to_have_count(1)
    expect(page.locator("form.top3-form fieldset")).to_have_count(3)
    page.goto(url(f"{TEAM}/afspraken/"))
    expect(page.locator("tr.afspraken-tabel__rij--over-tijd")).to_have_count(1)


def test_error_and_conflict_states_have_no_wcag_violations(logged_in_page, url, gesprekken):
    page = logged_in_page
    page.goto(url(f"{TEAM}/gesprekken/nieuw/"))
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_titel")).to_have_attribute("aria-invalid", "true")
    page.wait_for_load_state()
    assert_no_axe_violations(page)

    # Someone else saves the same answer while this teamchef types.
    gesprek = gesprekken.huidig
    antwoord = gesprek.antwoorden.get(volgorde=1)
    page.goto(url(f"/gesprekken/{gesprek.pk}/"))
    services.leg_antwoord_vast(antwoord, gesprekken.leider, antwoord.versie, "Van Bram.")
    veld = page.locator(f"textarea[name=antwoord-{antwoord.pk}-tekst]")
    veld.fill("Van de teamchef.")
    _bewaar(page, f"antwoord-{antwoord.pk}")
    conflict = page.locator(f"#vraag-{antwoord.pk} .conflict")
    expect(conflict).to_contain_text("Van Bram.")
    expect(veld).to_have_value("Van de teamchef.")
    page.wait_for_load_state()
    _open_details(page)
    assert_no_axe_violations(page)
    # Saving again, knowingly, replaces it.
    _bewaar(page, f"antwoord-{antwoord.pk}")
    expect(page.locator(".messages .alert--success")).to_be_visible()
    antwoord.refresh_from_db()
    assert antwoord.tekst == "Van de teamchef."


def test_a_teamchef_records_a_gesprek_end_to_end(logged_in_page, url, gesprekken):
    page = logged_in_page
    # Start from the team profile
    page.goto(url(f"{TEAM}/"))
    page.locator(f"section[aria-labelledby=gesprekken] a[href='{TEAM}/gesprekken/nieuw/']").click()
    form = page.locator("main form[method=post]")
    form.locator("input[name=titel]").fill("Zomergesprek met de gemeente")
    form.locator("input[name=datum]").fill(datetime.date.today().isoformat())
    intern = Gespreksleidraad.objects.get(slug="interne-opgaven")
    form.locator("select[name=leidraad]").select_option(str(intern.pk))
    form.get_by_label(str(Opgave.objects.get(nummer=4))).check()
    form.locator("select[name=gespreksleider]").select_option(str(gesprekken.leider.pk))
    form.locator("textarea[name=deelnemers]").fill("wijkagenten, gemeente")
    form.locator("input[name=zichtbaarheid][value=politie]").check()
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"/gesprekken/\d+/$"))
    gesprek = Gesprek.objects.get(titel="Zomergesprek met de gemeente")
    expect(page.locator("h1")).to_have_text("Zomergesprek met de gemeente")
    expect(page.locator(".messages .alert--success")).to_be_visible()

    # The open afspraken of earlier gesprekken come first: one is done now.
    te_laat = gesprekken.te_laat
    regel = page.locator(f"#afspraak-{te_laat.pk}")
    expect(regel.locator(".afspraak-status--over-tijd")).to_be_visible()
    regel.locator("select").select_option("klaar")
    regel.locator("form.afspraak__status-form button[type=submit]").click()
    expect(page).to_have_url(url(f"/gesprekken/{gesprek.pk}/#afspraak-{te_laat.pk}"))
    expect(regel.locator(".afspraak-status--klaar")).to_be_visible()
    expect(regel.locator(".afspraak-status--over-tijd")).to_have_count(0)

    # Answer the first question
    eerste = gesprek.antwoorden.get(volgorde=1)
    vraag = page.locator(f"#vraag-{eerste.pk}")
    vraag.locator("textarea").fill("Wijkagenten en jongerenwerkers lopen samen op.")
    vraag.locator("button[type=submit]").click()
    expect(page.locator(".messages .alert--success")).to_be_visible()
    expect(vraag.locator("textarea")).to_have_value(
        "Wijkagenten en jongerenwerkers lopen samen op."
    )
    expect(vraag.locator(".antwoord__meta")).to_contain_text("Anna Jansen")

    # The drie dingen, straight from the top 3 question
    top3 = gesprek.antwoorden.get(vraag__soort="top3")
    vraag = page.locator(f"#vraag-{top3.pk}")
    vraag.locator(f"textarea[name=top3-{top3.pk}-1-omschrijving]").fill("Wekelijks spreekuur")
    vraag.locator(f"input[name=top3-{top3.pk}-1-eigenaar]").fill("Bram Bakker")
    vraag.locator(f"input[name=top3-{top3.pk}-1-streefdatum]").fill("2026-12-01")
    vraag.locator(f"textarea[name=top3-{top3.pk}-2-omschrijving]").fill("Leren van Heuvelrug")
    _bewaar(page, f"top3-{top3.pk}")
    expect(vraag.locator("ol.top3 li")).to_have_count(2)
    expect(vraag.locator("fieldset")).to_have_count(1)  # one of the three left
    expect(page.locator("#afspraken li.afspraak")).to_have_count(2)
    assert list(Afspraak.objects.filter(gesprek=gesprek).values_list("eigenaar", flat=True)) == [
        "Bram Bakker",
        "",
    ]

    # Held, then completed: the answers become a record
    page.locator("button[name=naar][value=gevoerd]").click()
    expect(page.locator(".gesprek-status--gevoerd")).to_be_visible()
    page.locator("button[name=naar][value=afgerond]").click()
    expect(page.locator(".gesprek-status--afgerond")).to_be_visible()
    expect(page.locator("form.antwoord-form")).to_have_count(0)
    expect(page.locator("button[name=naar][value=gevoerd]")).to_be_visible()  # may reopen

    # The report: print view and PDF
    page.locator(f"a[href='/gesprekken/{gesprek.pk}/verslag/']").click()
    verslag = page.locator("article.verslag")
    expect(verslag).to_contain_text("Wijkagenten en jongerenwerkers lopen samen op.")
    expect(verslag).to_contain_text("Wekelijks spreekuur")
    expect(verslag).to_contain_text("wijkagenten, gemeente")
    pdf = page.request.get(url(f"/gesprekken/{gesprek.pk}/verslag.pdf"))
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF-")
    csv = page.request.get(url(f"/gesprekken/{gesprek.pk}/gesprek.csv"))
    assert "Wekelijks spreekuur" in csv.body().decode("utf-8-sig")


def test_typed_text_survives_a_lost_connection(logged_in_page, url, gesprekken):
    page = logged_in_page
    gesprek = gesprekken.huidig
    antwoord = gesprek.antwoorden.get(volgorde=2)
    pad = f"/gesprekken/{gesprek.pk}/"
    page.goto(url(pad))
    veld = page.locator(f"textarea[name=antwoord-{antwoord.pk}-tekst]")
    veld.fill("Tijd, ruimte en een vaste contactpersoon.")
    # The network drops the save.
    opslaan = re.compile(r".*/gesprekken/\d+/antwoorden/\d+/$")
    page.route(
        opslaan,
        lambda route: route.abort() if route.request.method == "POST" else route.continue_(),
    )
    with page.expect_event("requestfailed") as mislukt:
        _bewaar(page, f"antwoord-{antwoord.pk}")
    assert mislukt.value.method == "POST"
    page.unroute(opslaan)
    page.goto(url(pad))
    expect(veld).to_have_value("Tijd, ruimte en een vaste contactpersoon.")
    expect(page.locator(f"#vraag-{antwoord.pk} .concept-melding")).to_be_visible()
    antwoord.refresh_from_db()
    assert antwoord.tekst == ""
    # Saved now: the concept is gone, the next visit shows the saved text without a notice.
    _bewaar(page, f"antwoord-{antwoord.pk}")
    expect(page.locator(".messages .alert--success")).to_be_visible()
    page.goto(url(pad))
    expect(veld).to_have_value("Tijd, ruimte en een vaste contactpersoon.")
    expect(page.locator(".concept-melding")).to_have_count(0)


def test_recording_works_without_javascript(new_context, user, live_server, url, gesprekken):
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
    gesprek = gesprekken.huidig
    page.goto(url(f"/gesprekken/{gesprek.pk}/"))
    form = page.locator("form[data-concept=nieuw]")
    form.locator("textarea[name=nieuw-omschrijving]").fill("Spreekuur in de bibliotheek")
    form.locator("input[name=nieuw-streefdatum]").fill("2026-11-01")
    _bewaar(page, "nieuw")
    expect(page.locator("#afspraken li.afspraak")).to_have_count(1)
    expect(page.locator("#afspraken")).to_contain_text("Spreekuur in de bibliotheek")


def _kopieen(page) -> dict:
    """The copies concept.js keeps in this browser."""
    return page.evaluate(
        """() => Object.fromEntries(Object.keys(localStorage)
            .filter((k) => k.startsWith("podium-concept:"))
            .map((k) => [k, localStorage.getItem(k)]))"""
    )


def test_a_recorded_afspraak_is_not_put_back(logged_in_page, url, gesprekken):
    """Recorded, the form for a new afspraak is empty again, as it was before the typing:
    the copy is dropped all the same, and no “not saved yet” notice invites a duplicate."""
    page = logged_in_page
    gesprek = gesprekken.huidig
    page.goto(url(f"/gesprekken/{gesprek.pk}/"))
    form = page.locator("form[data-concept=nieuw]")
    form.locator("textarea[name=nieuw-omschrijving]").fill("Spreekuur in de bibliotheek")
    form.locator("input[name=nieuw-eigenaar]").fill("Bram Bakker")
    assert _kopieen(page)  # kept while typing
    _bewaar(page, "nieuw")
    expect(page.locator(".messages .alert--success")).to_be_visible()
    expect(page.locator("#afspraken li.afspraak")).to_have_count(1)
    page.reload()
    expect(page.locator("#afspraken li.afspraak")).to_have_count(1)
    expect(page.locator(".concept-melding")).to_have_count(0)
    expect(form.locator("textarea[name=nieuw-omschrijving]")).to_have_value("")
    assert _kopieen(page) == {}
    assert Afspraak.objects.filter(gesprek=gesprek).count() == 1


def test_a_refused_save_keeps_the_copy(logged_in_page, url, gesprekken):
    """The server shows the form again, unsaved (the afspraak itself is missing): the text
    stays in the form and in the browser, and comes back after a reload."""
    page = logged_in_page
    pad = f"/gesprekken/{gesprekken.huidig.pk}/"
    page.goto(url(pad))
    veld = page.locator("input[name=nieuw-eigenaar]")
    veld.fill("Bram Bakker")
    _bewaar(page, "nieuw")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(veld).to_have_value("Bram Bakker")
    expect(page.locator(".concept-melding")).to_have_count(0)
    assert len(_kopieen(page)) == 1
    page.goto(url(pad))
    expect(veld).to_have_value("Bram Bakker")
    expect(page.locator(".concept-melding")).to_have_count(1)


def test_copies_belong_to_one_user_and_go_at_logout(logged_in_page, url, gesprekken, user):
    page = logged_in_page
    gesprek = gesprekken.huidig
    antwoord = gesprek.antwoorden.get(volgorde=2)
    pad = f"/gesprekken/{gesprek.pk}/"
    page.goto(url(pad))
    # A copy another user left on this shared workstation, for the same form.
    ander = f"podium-concept:{gesprekken.leider.pk}:{pad}:antwoord-{antwoord.pk}"
    page.evaluate(
        """([sleutel, naam]) => localStorage.setItem(sleutel, JSON.stringify({
            basis: {[naam]: ""}, waarden: {[naam]: "Tekst van Bram"}}))""",
        [ander, f"antwoord-{antwoord.pk}-tekst"],
    )
    page.reload()
    veld = page.locator(f"textarea[name=antwoord-{antwoord.pk}-tekst]")
    expect(veld).to_have_value("")
    expect(page.locator(".concept-melding")).to_have_count(0)
    assert _kopieen(page) == {}  # not this user's: removed

    veld.fill("Nog niet opgeslagen.")
    assert list(_kopieen(page)) == [f"podium-concept:{user.pk}:{pad}:antwoord-{antwoord.pk}"]
    page.locator("form.site-header__logout button[type=submit]").click()
    expect(page.locator("form.site-header__logout")).to_have_count(0)
    assert _kopieen(page) == {}


def test_completed_while_typing_has_no_wcag_violations(logged_in_page, url, gesprekken):
    """The states of a gesprek completed meanwhile: what was typed shown beside the
    completed page, and an afspraak whose follow-up alone can still change."""
    page = logged_in_page
    gesprek = gesprekken.huidig
    antwoord = gesprek.antwoorden.get(volgorde=2)
    page.goto(url(f"/gesprekken/{gesprek.pk}/"))
    page.locator(f"textarea[name=antwoord-{antwoord.pk}-tekst]").fill("Mijn antwoord.")
    services.zet_status(gesprek, "gevoerd", heropenen=False)
    services.zet_status(gesprek, "afgerond", heropenen=False)
    _bewaar(page, f"antwoord-{antwoord.pk}")
    expect(page.locator(f"#vraag-{antwoord.pk} .niet-opgeslagen")).to_contain_text(
        "Mijn antwoord."
    )
    expect(page.locator("form.antwoord-form")).to_have_count(0)
    page.wait_for_load_state()
    assert_no_axe_violations(page)

    afspraak = gesprekken.te_laat  # of the completed earlier gesprek
    page.goto(url(f"/gesprekken/afspraken/{afspraak.pk}/"))
    expect(page.locator("main form[method=post] select[name=status]")).to_be_visible()
    expect(page.locator("textarea[name=omschrijving]")).to_have_count(0)
    assert_no_axe_violations(page)
