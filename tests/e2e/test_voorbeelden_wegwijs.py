"""Finding your way in the library, in a real browser: the aandachtspunten follow the
chosen opgave (refreshed in place by htmx, and by submitting without JavaScript), options
say how many voorbeelden they give, and an empty result offers to let go of a filter.

Asserted on structure and values, not on the Dutch words of the new strings."""

import re

from playwright.sync_api import expect

from opgaven.models import Aandachtspunt, Opgave
from voorbeelden.models import Voorbeeld

from .helpers import E2E, assert_no_axe_violations

pytestmark = E2E

OPGAVE = "versterken-van-wendbare-nabijheid"  # opgave 4: four of the folder's seven


def _waarden(select) -> list[str]:
    return select.locator("option").evaluate_all("os => os.map(o => o.value).filter(Boolean)")


def _eigen_punten(slug: str) -> list[str]:
    return [str(p.pk) for p in Opgave.objects.get(slug=slug).aandachtspunten.all()]


def test_htmx_narrows_the_aandachtspunten_to_the_chosen_opgave(page, url):
    ander_punt = Aandachtspunt.objects.filter(opgave__nummer=1).first()
    fouten = []
    page.on("pageerror", lambda e: fouten.append(str(e)))
    page.add_init_script(
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__csp.push(e.violatedDirective));"
    )
    page.goto(url("/voorbeelden/"))
    page.wait_for_function("() => window.htmx !== undefined")
    page.evaluate("() => { window.__marker = 1; }")
    punten = page.locator("form.filters select[name=aandachtspunt]")
    assert len(_waarden(punten)) == Aandachtspunt.objects.count()

    # An aandachtspunt of opgave 1 first, then opgave 4: the list becomes opgave 4's, the
    # stale choice is dropped from the select and from the URL.
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        punten.select_option(str(ander_punt.pk))
    expect(page).to_have_url(re.compile(rf"[?&]aandachtspunt={ander_punt.pk}(&|$)"))
    opgave = page.locator("form.filters select[name=opgave]")
    opgave.focus()
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        opgave.select_option(OPGAVE)

    expect(punten.locator("option")).to_have_count(len(_eigen_punten(OPGAVE)) + 1)
    assert _waarden(punten) == _eigen_punten(OPGAVE)
    expect(punten).to_have_value("")
    expect(page).to_have_url(re.compile(rf"[?&]opgave={OPGAVE}(&|$)"))
    assert "aandachtspunt=" not in page.url
    passend = Voorbeeld.objects.gepubliceerd().filter(opgaven__slug=OPGAVE).count()
    expect(page.locator("#resultaten .result")).to_have_count(passend)
    # The opgave select kept its value and the focus: only its options were swapped.
    expect(opgave).to_have_value(OPGAVE)
    expect(opgave).to_be_focused()
    # Its options say how many voorbeelden each gives.
    expect(opgave.locator(f"option[value={OPGAVE}]")).to_have_text(re.compile(rf"\({passend}\)$"))

    # An aandachtspunt of the narrowed list filters as before, and the list stays narrow.
    punt = Opgave.objects.get(slug=OPGAVE).aandachtspunten.filter(voorbeelden__isnull=False)
    gekozen = str(punt.first().pk)
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        punten.select_option(gekozen)
    expect(page).to_have_url(re.compile(rf"aandachtspunt={gekozen}"))
    expect(punten).to_have_value(gekozen)
    assert _waarden(punten) == _eigen_punten(OPGAVE)

    assert page.evaluate("() => window.__marker") == 1, "the page was reloaded"
    assert page.evaluate("() => window.__csp") == []
    assert fouten == []
    assert_no_axe_violations(page)


def test_without_javascript_the_submitted_opgave_narrows_the_aandachtspunten(new_context, url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(url("/voorbeelden/"))
    form = page.locator("form.filters")
    form.locator("select[name=opgave]").select_option(OPGAVE)
    form.locator("button[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"[?&]opgave={OPGAVE}(&|$)"))
    assert _waarden(page.locator("form.filters select[name=aandachtspunt]")) == _eigen_punten(
        OPGAVE
    )


def test_an_empty_result_lets_go_of_one_filter(page, url):
    page.goto(url(f"/voorbeelden/?opgave={OPGAVE}&partner=douane"))
    expect(page.locator("#resultaten .result")).to_have_count(0)
    links = page.locator("#resultaten a[data-loslaten]")
    expect(links).to_have_count(2)
    assert_no_axe_violations(page)

    page.locator("#resultaten a[data-loslaten=partner]").click()

    expect(page).to_have_url(url(f"/voorbeelden/?opgave={OPGAVE}"))
    expect(page.locator("#resultaten .result")).to_have_count(4)
    expect(page.locator("form.filters select[name=partner]")).to_have_value("")


def test_going_back_restores_one_set_of_selects(page, url):
    page.goto(url("/voorbeelden/"))
    page.wait_for_function("() => window.htmx !== undefined")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.locator("form.filters select[name=opgave]").select_option(OPGAVE)
    expect(page).to_have_url(re.compile(rf"[?&]opgave={OPGAVE}(&|$)"))

    page.go_back()

    expect(page).to_have_url(url("/voorbeelden/"))
    expect(page.locator("#resultaten .result")).to_have_count(
        Voorbeeld.objects.gepubliceerd().count()
    )
    for naam in ("opgave", "aandachtspunt", "partner"):
        expect(page.locator(f"select[name={naam}]")).to_have_count(1)
    expect(page.locator("#resultaten-status")).to_have_count(1)
