"""The basisteam pages in a real browser: list, profile, context form and team agenda.

The nl catalogue of these pages is still growing, so the tests assert on structure, names
and values, never on Dutch text of the new pages."""

import re
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation
from playwright.sync_api import expect

from opgaven.models import Aandachtspunt, AgendaPunt, Fase, Opgave
from opgaven.services import zet_op_agenda
from teams.models import Basisteam, Cluster, Eenheid, Gemeente, Lidmaatschap, User, Werkgebied
from voorbeelden.models import Redactiestatus, Voorbeeld
from voorbeelden.services import pas_toe

from .helpers import E2E, assert_no_axe_violations

pytestmark = E2E

VOL = "utrecht-stad"  # every figure, a werkgebied, a cluster, members and an agenda
ONBEKEND = "nieuw-team"  # no figures at all


@pytest.fixture
def basisteams(user):
    """Four teams in two eenheden; `user` is the teamchef of the full one."""
    mn = Eenheid.objects.get(code="MN")
    am = Eenheid.objects.get(code="AM")
    vol = Basisteam.objects.create(
        naam="Utrecht-Stad",
        slug=VOL,
        code="MN-US",
        eenheid=mn,
        district="Utrecht",
        formatie_fte=210,  # above the band: the profile shows a warning badge
        oppervlakte_km2="99.2",
        inwoners=361_000,
        wijkagenten=60,
    )
    amersfoort = Basisteam.objects.create(
        naam="Amersfoort",
        slug="amersfoort",
        code="MN-AF",
        eenheid=mn,
        formatie_fte=110,
        oppervlakte_km2="63.9",
        inwoners=160_000,
        wijkagenten=25,
    )
    centrum = Basisteam.objects.create(
        naam="Amsterdam-Centrum",
        slug="amsterdam-centrum",
        code="AM-C",
        eenheid=am,
        formatie_fte=190,
        oppervlakte_km2="8.0",
        inwoners=87_000,
        wijkagenten=20,
    )
    onbekend = Basisteam.objects.create(naam="Nieuw team", slug=ONBEKEND, code="AM-N", eenheid=am)

    utrecht = Gemeente.objects.create(naam="Utrecht", cbs_code="GM0344")
    Werkgebied.objects.create(basisteam=vol, gemeente=utrecht, omvang=Werkgebied.Omvang.GEHEEL)
    Werkgebied.objects.create(
        basisteam=amersfoort,
        gemeente=Gemeente.objects.create(naam="Amersfoort", cbs_code="GM0307"),
    )
    Werkgebied.objects.create(
        basisteam=centrum,
        gemeente=Gemeente.objects.create(naam="Amsterdam", cbs_code="GM0363"),
        omvang=Werkgebied.Omvang.DEEL,
    )
    cluster = Cluster.objects.create(basisteam=vol, naam="Noordwest", wijken="Zuilen\nOvervecht")
    Lidmaatschap.objects.create(user=user, basisteam=vol, rol=Lidmaatschap.Rol.TEAMCHEF)
    collega = User.objects.create_user(
        email="b.bakker@politie.example", password=None, naam="Bram Bakker"
    )
    Lidmaatschap.objects.create(user=collega, basisteam=vol, cluster=cluster)
    vol.bevolkingssamenstelling = "Jong, veel studenten."
    vol.save(update_fields=["bevolkingssamenstelling"])

    eerste, tweede = Opgave.objects.all()[:2]
    zet_op_agenda(vol, user, eerste)
    zet_op_agenda(
        vol,
        user,
        tweede,
        tweede.aandachtspunten.first(),
        Fase.VERANKERD,
        "Elke week een wijkschouw.",
    )
    # Whom to learn from: Amersfoort, a similar team, has an agenda and a voorbeeld that
    # Utrecht-Stad applies; Utrecht-Stad shared one of its own.
    zet_op_agenda(amersfoort, user, eerste, fase=Fase.VERANKERD)
    for naam, team in [("Wijkschouw Amersfoort", amersfoort), ("Buurtkoffie Utrecht", vol)]:
        Voorbeeld.objects.create(
            titel=naam,
            slug=naam.lower().replace(" ", "-"),
            samenvatting="Wat het is.",
            basisteam=team,
            eenheid=mn,
            redactiestatus=Redactiestatus.GEPUBLICEERD,
            gepubliceerd_op=timezone.now(),
        )
    pas_toe(Voorbeeld.objects.get(slug="wijkschouw-amersfoort"), vol, user)
    return SimpleNamespace(vol=vol, amersfoort=amersfoort, centrum=centrum, onbekend=onbekend)


def fase_label(fase: Fase) -> str:
    """The label as the server renders it: same process, same catalogue, site language."""
    with translation.override(settings.LANGUAGE_CODE):
        return str(fase.label)


def row_names(page):
    return page.locator("main table.table tbody th[scope=row]")


# --- Accessibility -------------------------------------------------------------------------

TEAM_PAGES = [
    "/teams/",
    "/teams/?o=-inwoners&inbedding=een",
    "/teams/?opgave=werken-in-wijk-en-web&fase=verankerd&dichtheid=vanaf-2500",
    "/teams/?oppervlakte=heel-groot&aandachtspunt=abc",  # errors on the filter form
    f"/teams/{VOL}/",
    f"/teams/{ONBEKEND}/",
    f"/teams/{VOL}/bewerken/",
    f"/teams/{VOL}/agenda/",
]


@pytest.mark.parametrize("path", TEAM_PAGES)
def test_team_page_has_no_wcag_violations(logged_in_page, url, basisteams, path):
    response = logged_in_page.goto(url(path))
    assert response.status == 200
    assert response.url == url(path), "expected the team page, not a login redirect"
    assert_no_axe_violations(logged_in_page)


def test_team_pages_show_what_axe_is_checking(logged_in_page, url, basisteams):
    """The pages above really hold the parts the axe runs are meant to cover."""
    page = logged_in_page
    page.goto(url("/teams/"))
    expect(row_names(page)).to_have_count(4)
    expect(page.locator("form.filters [name=onder_norm][type=checkbox]")).to_have_count(1)

    page.goto(url(f"/teams/{VOL}/"))
    expect(page.locator(".spreiding__rijen[role=img] svg.spreiding__balk").first).to_be_visible()
    expect(page.locator("table.spreiding__table tbody tr").first).to_be_visible()
    expect(page.locator("ul.agenda li.agenda__item")).to_have_count(2)
    expect(page.locator("section[aria-labelledby=clusters]")).to_contain_text("Overvecht")
    expect(page.locator("section[aria-labelledby=mensen]")).to_contain_text("Bram Bakker")
    expect(page.locator(f"main a[href='/teams/{VOL}/bewerken/']")).to_be_visible()
    expect(page.locator(f"main a[href='/teams/{VOL}/agenda/']")).to_be_visible()
    voorbeelden = page.locator("section[aria-labelledby=voorbeelden]")
    expect(voorbeelden.locator("a[href='/voorbeelden/buurtkoffie-utrecht/']")).to_be_visible()
    expect(voorbeelden.locator("a[href='/voorbeelden/wijkschouw-amersfoort/']")).to_be_visible()
    amersfoort = page.locator(".vergelijkbaar__team", has_text="Amersfoort")
    expect(amersfoort.locator(".vergelijkbaar__agenda .badge--verankerd")).to_be_visible()
    expect(amersfoort.locator("a[href='/voorbeelden/wijkschouw-amersfoort/']")).to_be_visible()

    page.goto(url(f"/teams/{VOL}/agenda/"))
    expect(page.locator("form.agenda-form")).to_have_count(2)
    expect(page.locator("section[aria-labelledby=historie] table tbody tr")).to_have_count(2)


def test_agenda_page_with_errors_has_no_wcag_violations(logged_in_page, url, basisteams):
    page = logged_in_page
    page.goto(url(f"/teams/{VOL}/agenda/"))
    page.locator("button[name=actie][value=toevoegen]").click()

    summary = page.locator("section[aria-labelledby=toevoegen] .error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("a[href='#id_onderwerp']")).to_be_visible()
    expect(page.locator("#id_onderwerp")).to_have_attribute("aria-invalid", "true")
    page.wait_for_load_state()  # the re-rendered page, with its stylesheet
    assert_no_axe_violations(page)


# --- Editing -------------------------------------------------------------------------------


def test_teamchef_adds_changes_and_removes_an_agenda_item(logged_in_page, url, basisteams):
    page = logged_in_page
    team = basisteams.vol
    punt = Aandachtspunt.objects.exclude(opgave__agendapunten__basisteam=team).first()
    historie = page.locator(
        "section[aria-labelledby=historie] table tbody tr", has_text=punt.tekst
    )

    # Add
    page.goto(url(f"/teams/{VOL}/agenda/"))
    toevoegen = page.locator("form:has(button[name=actie][value=toevoegen])")
    toevoegen.locator("select[name=onderwerp]").select_option(f"punt-{punt.pk}")
    toevoegen.locator("select[name=fase]").select_option(Fase.AAN_DE_SLAG)
    toevoegen.locator("textarea[name=notitie]").fill("Samen met de gemeente.")
    toevoegen.locator("button[name=actie][value=toevoegen]").click()

    expect(page.locator(".messages .alert--success")).to_be_visible()
    titel = page.locator("form.agenda-form h3", has_text=punt.tekst)
    expect(titel).to_be_visible()
    pk = AgendaPunt.objects.get(basisteam=team, aandachtspunt=punt).pk
    regel = page.locator(f"form.agenda-form:has(button[value=wijzigen-{pk}])")
    expect(regel.locator(f"select[name=punt-{pk}-fase]")).to_have_value(Fase.AAN_DE_SLAG)
    expect(regel.locator(f"textarea[name=punt-{pk}-notitie]")).to_have_value(
        "Samen met de gemeente."
    )
    expect(historie).to_have_count(1)
    expect(historie.first).to_contain_text("Samen met de gemeente.")

    # Change
    regel.locator(f"select[name=punt-{pk}-fase]").select_option(Fase.VERANKERD)
    regel.locator(f"button[name=actie][value=wijzigen-{pk}]").click()

    # The old page showed a success message too: wait for the new history line first.
    expect(historie).to_have_count(2)
    expect(page.locator(".messages .alert--success")).to_be_visible()
    expect(page.locator(f"select[name=punt-{pk}-fase]")).to_have_value(Fase.VERANKERD)

    page.goto(url(f"/teams/{VOL}/"))
    item = page.locator("ul.agenda li.agenda__item", has_text=punt.tekst)
    expect(item.locator(".badge")).to_have_class(re.compile(r"\bbadge--verankerd\b"))
    expect(item.locator(".badge")).to_have_text(fase_label(Fase.VERANKERD))
    expect(item.locator(f"a[href='{punt.opgave.get_absolute_url()}']")).to_be_visible()

    # Remove
    page.goto(url(f"/teams/{VOL}/agenda/"))
    page.locator(f"button[name=actie][value=verwijderen-{pk}]").click()

    expect(page.locator(".messages .alert--success")).to_be_visible()
    expect(titel).to_have_count(0)
    expect(page.locator(f"button[value=wijzigen-{pk}]")).to_have_count(0)
    expect(page.locator("form.agenda-form")).to_have_count(2)  # the fixture's two remain
    expect(historie).to_have_count(3)
    assert not AgendaPunt.objects.filter(pk=pk).exists()


def test_teamchef_edits_the_context(logged_in_page, url, basisteams):
    page = logged_in_page
    page.goto(url(f"/teams/{VOL}/bewerken/"))
    form = page.locator("main form[method=post]")
    for veld in Basisteam.CONTEXT_VELDEN:
        expect(form.locator(f"textarea[name={veld}]")).to_be_visible()
    expect(form.locator("textarea[name=bevolkingssamenstelling]")).to_have_value(
        "Jong, veel studenten."
    )

    form.locator("textarea[name=overlast]").fill("Geluidsoverlast rond het station.")
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(url(f"/teams/{VOL}/"))
    expect(page.locator(".messages .alert--success")).to_be_visible()
    context = page.locator("section[aria-labelledby=context]")
    expect(context).to_contain_text("Geluidsoverlast rond het station.")
    expect(context).to_contain_text("Jong, veel studenten.")  # the other texts are kept


# --- The list ------------------------------------------------------------------------------


def test_sorting_by_keyboard_marks_the_sorted_column(logged_in_page, url, basisteams):
    page = logged_in_page
    page.goto(url("/teams/"))
    expect(page.locator("main th[aria-sort]")).to_have_count(0)

    link = page.locator("main thead a.table__sort[href*='o=inwoners']")
    link.focus()
    expect(link).to_be_focused()
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"[?&]o=inwoners(&|$)"))
    header = page.locator("main thead th[aria-sort]")
    expect(header).to_have_count(1)
    expect(header).to_have_attribute("aria-sort", "ascending")
    # The sorted header's link now offers the other direction.
    expect(header.locator("a.table__sort")).to_have_attribute(
        "href", re.compile(r"[?&]o=-inwoners(&|$)")
    )
    # The filter form keeps the sorting when it is submitted.
    expect(page.locator("form.filters input[type=hidden][name=o]")).to_have_value("inwoners")

    bekend = ["Amsterdam-Centrum", "Amersfoort", "Utrecht-Stad"]  # ascending inhabitants
    namen = [n for n in row_names(page).all_inner_texts() if n in bekend]
    assert namen == bekend


def test_filtering_works_without_javascript(new_context, user, live_server, url, basisteams):
    context = new_context(java_script_enabled=False)
    client = Client()
    client.force_login(user)
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
    page.goto(url("/teams/"))
    expect(row_names(page)).to_have_count(4)

    form = page.locator("form.filters")
    form.locator("select[name=eenheid]").select_option("amsterdam")
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"[?&]eenheid=amsterdam(&|$)"))
    expect(row_names(page)).to_have_text(["Amsterdam-Centrum", "Nieuw team"])
    expect(page.locator("form.filters select[name=eenheid]")).to_have_value("amsterdam")


def test_filtering_on_the_agenda_works_without_javascript(
    new_context, user, live_server, url, basisteams
):
    context = new_context(java_script_enabled=False)
    client = Client()
    client.force_login(user)
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
    eerste = Opgave.objects.first()
    page.goto(url("/teams/"))
    form = page.locator("form.filters")
    form.locator("select[name=opgave]").select_option(eerste.slug)
    form.locator("select[name=fase]").select_option(Fase.VERANKERD)
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"[?&]opgave={eerste.slug}(&|$)"))
    # Utrecht-Stad has this opgave only at “verkennen”; Amersfoort has it “verankerd”.
    expect(row_names(page)).to_have_text(["Amersfoort"])
    expect(page.locator("form.filters select[name=fase]")).to_have_value(Fase.VERANKERD)

    form = page.locator("form.filters")
    form.locator("select[name=dichtheid]").select_option("tot-250")
    form.locator("button[type=submit]").click()
    expect(row_names(page)).to_have_count(0)
    expect(page.locator("form.filters select[name=opgave]")).to_have_value(eerste.slug)
