"""Every page passes axe-core's WCAG 2.1 A and AA rules without a single violation."""

import pytest
from playwright.sync_api import expect

from podium.demo import load_demo

from .helpers import E2E, OPGAVE_SLUGS, assert_no_axe_violations, log_in_with_form

pytestmark = E2E

PUBLIC_PAGES = [
    "/",
    "/opgaven/",
    *[f"/opgaven/{slug}/" for slug in OPGAVE_SLUGS],
    "/over-ggp/",
    "/accounts/login/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/password/reset/key/x-bad-token/",
    "/accounts/signup/",
    "/accounts/confirm-email/",
]

ACCOUNT_PAGES = ["/accounts/password/change/", "/accounts/email/", "/accounts/logout/"]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_public_page_has_no_wcag_violations(page, url, path):
    response = page.goto(url(path))
    assert response.status == 200
    assert_no_axe_violations(page)


def test_login_page_with_errors_has_no_wcag_violations(page, url, user):
    log_in_with_form(page, url, user.email, "not-the-password")
    expect(page.locator(".error-summary")).to_be_visible()
    page.wait_for_load_state()  # the re-rendered form's page, with its stylesheet
    assert_no_axe_violations(page)


@pytest.mark.parametrize("gevuld", [False, True], ids=["empty", "filled"])
def test_landelijk_beeld_has_no_wcag_violations(logged_in_page, url, gevuld):
    """The charts, tables and filters of /landelijk-beeld/, on a fresh database (zeros and
    the “no data yet” message) and on the demo data."""
    if gevuld:
        load_demo()
    response = logged_in_page.goto(url("/landelijk-beeld/"))
    assert response.status == 200
    expect(logged_in_page.locator("#geen-gegevens")).to_have_count(0 if gevuld else 1)
    expect(logged_in_page.locator("svg[role=img]")).to_have_count(3)
    assert_no_axe_violations(logged_in_page)


@pytest.mark.parametrize("path", ACCOUNT_PAGES)
def test_account_page_has_no_wcag_violations(logged_in_page, url, path):
    response = logged_in_page.goto(url(path))
    assert response.status == 200
    assert response.url == url(path), "expected the account page, not a login redirect"
    assert_no_axe_violations(logged_in_page)


# The one search, empty and with results in several groups (marked words included).
ZOEKPAGINAS = ["/zoeken/", "/zoeken/?q=wijkagent", "/zoeken/?q=ondermijning"]


@pytest.mark.parametrize("path", ZOEKPAGINAS)
def test_search_page_has_no_wcag_violations(logged_in_page, url, path):
    response = logged_in_page.goto(url(path))
    assert response.status == 200
    assert response.url == url(path), "expected the search page, not a login redirect"
    assert_no_axe_violations(logged_in_page)
