"""A keyboard user moving through a filter select of the library with the arrow keys does
not fire a request for every option passed: the filter is applied once they stop."""

import re

from playwright.sync_api import expect

from opgaven.models import Opgave

from .helpers import E2E

pytestmark = E2E


def test_arrowing_through_a_select_fires_one_request(page, url):
    verzoeken = []
    page.on(
        "request",
        lambda r: verzoeken.append(r.url) if r.headers.get("hx-request") == "true" else None,
    )
    page.goto(url("/voorbeelden/"))
    page.wait_for_function("() => window.htmx !== undefined")

    select = page.locator("form.filters select[name=opgave]")
    select.focus()
    for _ in range(4):  # a person reading the options as they pass
        page.keyboard.press("ArrowDown")
        page.wait_for_timeout(150)
    vierde = Opgave.objects.order_by("nummer")[3].slug
    expect(select).to_have_value(vierde)

    expect(page).to_have_url(re.compile(rf"[?&]opgave={vierde}(&|$)"))
    page.wait_for_timeout(1500)  # time for any request still to come
    assert len(verzoeken) == 1, verzoeken
    assert f"opgave={vierde}" in verzoeken[0]
