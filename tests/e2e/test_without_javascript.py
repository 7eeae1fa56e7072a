"""The portal works without JavaScript: reading the opgaven needs none."""

import re

from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from opgaven.models import Opgave

from .helpers import E2E, OPGAVE_SLUGS

pytestmark = E2E


def test_all_opgaven_are_listed_and_followable_without_javascript(new_context, url):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(url("/opgaven/"))
    opgave_links = page.locator("main a[href^='/opgaven/']")
    expect(opgave_links).to_have_count(len(OPGAVE_SLUGS))

    eerste = Opgave.objects.get(slug=OPGAVE_SLUGS[0])
    page.locator(f"main a[href='/opgaven/{eerste.slug}/']").click()

    expect(page).to_have_url(url(f"/opgaven/{eerste.slug}/"))
    expect(page.get_by_role("heading", level=1)).to_have_text(eerste.titel)


def test_the_search_in_the_header_works_without_javascript(new_context, url, user, live_server):
    """The header's search box is a plain GET form: typing and Enter show the results."""
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
    page.goto(url("/opgaven/"))
    page.locator("header #kop-zoekterm").fill("ondermijning")
    page.locator("header #kop-zoekterm").press("Enter")
    expect(page).to_have_url(url("/zoeken/?q=ondermijning"))
    expect(page.locator("main [data-groep=opgaven] a").first).to_have_text(
        "Samenspannen tegen ondermijning"
    )
    expect(page.locator("main mark").first).to_have_text(re.compile("ondermijning", re.I))
