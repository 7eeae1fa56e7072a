"""The landelijk beeld works without JavaScript: the filters are a GET form, the charts are
drawn on the server and the downloads are plain links carrying the filters."""

from pathlib import Path

from playwright.sync_api import expect

from podium.demo import load_demo

from .helpers import E2E

pytestmark = E2E


def test_filters_and_downloads_work_without_javascript(new_context, url, user, live_server):
    from django.conf import settings
    from django.test import Client

    load_demo()
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
    page.goto(url("/landelijk-beeld/"))
    expect(page.locator("svg[role=img]")).to_have_count(3)
    page.locator("select[name=eenheid]").select_option("amsterdam")
    page.locator("select[name=periode]").select_option("2jaar")
    page.locator("main form.filters [type=submit]").click()
    expect(page).to_have_url(url("/landelijk-beeld/?eenheid=amsterdam&periode=2jaar"))
    expect(page.locator("select[name=eenheid]")).to_have_value("amsterdam")
    expect(page.locator("caption#tabel-eenheden")).to_have_count(1)
    csv_link = page.locator("a[href^='/landelijk-beeld/eenheden.csv']")
    expect(csv_link).to_have_attribute(
        "href", "/landelijk-beeld/eenheden.csv?eenheid=amsterdam&periode=2jaar"
    )
    with page.expect_download() as download:
        csv_link.click()
    assert download.value.suggested_filename == "landelijk-beeld-eenheden.csv"
    assert "Amsterdam" in Path(download.value.path()).read_text(encoding="utf-8-sig")
