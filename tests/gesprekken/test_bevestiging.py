"""After saving an answer (or the drie dingen) the confirmation is in the question's own
place, as a status message the page returns to: the browser moves the focus to the target of
the address's #fragment when it can take focus, so it is read where the person works."""

import re

from gesprekken.models import Antwoord


def _in_vraag(html: str, antwoord: Antwoord) -> str:
    """The <article> of one question on the gesprek page."""
    return re.search(rf'<article class="vraag" id="vraag-{antwoord.pk}".*?</article>', html, re.S)[
        0
    ]


def _melding(html: str) -> re.Match | None:
    return re.search(
        r'<p class="alert alert--success melding-hier" id="([^"]+)" role="status" '
        r'tabindex="-1">([^<]+)</p>',
        html,
    )


def test_saved_answer_is_confirmed_in_its_place(client, gesprek, gespreksleider):
    client.force_login(gespreksleider)
    eerste, tweede = gesprek.antwoorden.order_by("volgorde")[:2]
    response = client.post(
        f"/gesprekken/{gesprek.pk}/antwoorden/{eerste.pk}/",
        {f"antwoord-{eerste.pk}-tekst": "Elke week.", f"antwoord-{eerste.pk}-versie": 1},
    )
    pad, anker = response["Location"].split("#")
    html = client.get(pad).content.decode()

    melding = _melding(_in_vraag(html, eerste))
    assert melding, "no confirmation inside the question"
    assert melding[1] == anker, "the page does not return to the confirmation"
    assert "1" in melding[2]  # the question's number
    assert _melding(_in_vraag(html, tweede)) is None  # only where it was saved
    assert html.count('id="' + anker + '"') == 1
    assert '<div class="messages" role="status">' in html  # at the top as well

    # Shown once: the next page has no confirmation left.
    assert "melding-hier" not in client.get(pad).content.decode()


def test_an_unchanged_answer_returns_to_the_question(client, gesprek, gespreksleider):
    client.force_login(gespreksleider)
    eerste = gesprek.antwoorden.order_by("volgorde").first()
    response = client.post(
        f"/gesprekken/{gesprek.pk}/antwoorden/{eerste.pk}/",
        {f"antwoord-{eerste.pk}-tekst": "", f"antwoord-{eerste.pk}-versie": 1},
    )
    assert response["Location"].endswith(f"#vraag-{eerste.pk}")
    assert "melding-hier" not in client.get(response["Location"]).content.decode()


def test_recorded_drie_dingen_are_confirmed_in_their_place(client, gesprek, gespreksleider):
    client.force_login(gespreksleider)
    top3 = gesprek.antwoorden.get(soort="top3")
    response = client.post(
        f"/gesprekken/{gesprek.pk}/top3/{top3.pk}/",
        {f"top3-{top3.pk}-1-omschrijving": "Wijkschouw met de gemeente"},
    )
    pad, anker = response["Location"].split("#")
    melding = _melding(_in_vraag(client.get(pad).content.decode(), top3))
    assert melding
    assert melding[1] == anker
