"""Logging in with the browser, and what a wrong password shows."""

from playwright.sync_api import expect

from .helpers import E2E, PASSWORD, log_in_with_form

pytestmark = E2E


def test_login_shows_the_user_in_the_header(page, url, user):
    response = log_in_with_form(page, url, user.email, PASSWORD)

    assert response.status == 302
    expect(page).to_have_url(url("/"))
    header = page.locator("header.site-header")
    expect(header).to_contain_text(user.naam)
    expect(header.locator("form[action='/accounts/logout/'] button[type=submit]")).to_be_visible()


def test_wrong_password_shows_an_error_summary(page, url, user):
    response = log_in_with_form(page, url, user.email, "not-the-password")

    assert response.status == 200
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page).to_have_url(url("/accounts/login/"))
    expect(page.locator("header.site-header")).not_to_contain_text(user.naam)
    expect(page.locator("input[name=login]")).to_have_value(user.email)
