"""After saving an answer on the gesprek page the focus is on the confirmation, in the
question's own place, with and without JavaScript: a screen reader reads it there."""

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from gesprekken.models import Gesprek
from podium.demo import load_demo
from teams.models import User

from .helpers import E2E

pytestmark = E2E


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "zonder-js"])
def test_focus_is_on_the_confirmation_in_the_question(
    new_context, live_server, url, transactional_db, javascript
):
    load_demo()
    gesprek = Gesprek.objects.get(basisteam__slug="demo-centrum")
    antwoord = gesprek.antwoorden.get(volgorde=1)
    context = new_context(java_script_enabled=javascript)
    client = Client()
    client.force_login(User.objects.get(email="teamchef@demo.podium.invalid"))
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
    page.goto(url(f"/gesprekken/{gesprek.pk}/"))
    vraag = page.locator(f"#vraag-{antwoord.pk}")
    vraag.locator("textarea").fill("Elke maand een teamdag, en de wijkschouw elke week.")
    vraag.locator("button[type=submit]").click()

    melding = vraag.locator(".melding-hier[role=status]")
    expect(melding).to_be_visible()
    expect(melding).to_be_focused()
    expect(melding).to_be_in_viewport()
    # The next Tab goes on from there: into the question's form, not back at the top.
    page.keyboard.press("Tab")
    assert page.evaluate(
        f"document.getElementById('vraag-{antwoord.pk}').contains(document.activeElement)"
    )
