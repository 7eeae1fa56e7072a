"""The chart of a team against all basisteams (the team profile): a visible legend, and
labels that follow the text size the reader chose in their browser."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from podium.demo import load_demo

from .helpers import E2E

pytestmark = E2E

PROFIEL = "/teams/demo-centrum/"  # a demo team with every figure


@pytest.fixture
def teams(transactional_db):
    load_demo()


def test_the_chart_has_a_visible_legend(logged_in_page, url, teams):
    page = logged_in_page
    page.goto(url(PROFIEL))
    legenda = page.locator("section[aria-labelledby=spreiding] .spreiding__legenda")
    expect(legenda).to_be_visible()
    items = legenda.locator("li")
    expect(items).to_have_count(3)
    # Each item shows the mark it explains (the box, the median line, the team's dot) …
    for teken in ["rect.spreiding__box", "line.spreiding__mediaan", "circle.spreiding__team"]:
        expect(legenda.locator(f"li svg {teken}")).to_have_count(1)
    # … and says in words what it is.
    for tekst in items.all_inner_texts():
        assert tekst.strip()


def _label_hoogte(new_context, live_server, url, user, standaard: int | None) -> float:
    """The rendered height of the chart's first label on a phone, with the browser's
    default font size set to `standaard` px (the reader's setting; Chromium's is 16)."""
    context = new_context(viewport={"width": 400, "height": 800})
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
    if standaard:
        cdp = context.new_cdp_session(page)
        cdp.send("Page.setFontSizes", {"fontSizes": {"standard": standaard, "fixed": 13}})
    page.goto(url(PROFIEL))
    label = page.locator(".spreiding__label").first
    expect(label).to_be_visible()
    hoogte = label.evaluate("e => e.getBoundingClientRect().height")
    context.close()
    return hoogte


def test_labels_grow_with_the_browsers_text_size(new_context, live_server, url, user, teams):
    gewoon = _label_hoogte(new_context, live_server, url, user, None)
    groot = _label_hoogte(new_context, live_server, url, user, 32)
    assert groot >= 1.8 * gewoon, (gewoon, groot)
