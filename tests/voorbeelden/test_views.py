"""Voorbeelden pages: who sees what, sharing one, editing it, applying it, asking about it."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from core.versies import CONFLICT_MELDING
from opgaven.models import Aandachtspunt, Opgave
from teams.models import Basisteam
from tests.conftest import PERSONAS
from voorbeelden.forms import GROEPEN
from voorbeelden.models import Toepassing, Voorbeeld

pytestmark = pytest.mark.django_db

FORMULIER = {
    "titel": "Buurtapp in Lombok",
    "samenvatting": "Bewoners melden via een app wat hen opvalt.",
    "aanleiding": "Veel kleine ergernissen bleven onbekend.",
    "aanpak": "- app met de gemeente\n- wekelijkse terugkoppeling",
    "resultaat": "",
    "lessen": "",
    "plaats": "Utrecht",
    "periode": "Sinds 2025",
    "status": "loopt",
    "onderbouwing": "niet",
}


def _formulier(**extra):
    opgave = Opgave.objects.get(nummer=1)
    return {**FORMULIER, "opgaven": [opgave.pk], **extra}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("url", ["/voorbeelden/", "/voorbeelden/fabricius/", "/voorbeelden/feed/"])
def test_published_voorbeelden_are_readable_by_everyone(as_persona, persona, url):
    assert as_persona(persona).get(url).status_code == 200


ZIET_CONCEPT = {
    "anonymous": 404,
    "collega": 200,  # the author
    "teamchef": 404,
    "teamchef_ander_team": 404,
    "redacteur": 200,
    "beheerder": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_draft_only_for_its_author_and_the_redactie(as_persona, concept, persona):
    response = as_persona(persona).get(concept.get_absolute_url())
    assert response.status_code == ZIET_CONCEPT[persona]


def test_drafts_are_not_in_the_list_nor_the_feed(client, concept, collega):
    client.force_login(collega)
    assert "Buurtapp Lombok" not in client.get("/voorbeelden/").content.decode()
    assert "Buurtapp Lombok" not in client.get("/voorbeelden/feed/").content.decode()


def test_contact_person_only_for_logged_in_users(client, maak_voorbeeld, teamchef, collega):
    voorbeeld = maak_voorbeeld(contactpersoon=teamchef)
    assert "Tom Teamchef" not in client.get(voorbeeld.get_absolute_url()).content.decode()
    client.force_login(collega)
    assert "Tom Teamchef" in client.get(voorbeeld.get_absolute_url()).content.decode()


BEWERKEN = {
    "anonymous": 302,
    "collega": 200,
    "teamchef": 404,
    "teamchef_ander_team": 404,
    "redacteur": 403,
    "beheerder": 403,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_author_edits_a_draft_on_the_site(as_persona, concept, persona):
    response = as_persona(persona).get(f"/voorbeelden/{concept.slug}/bewerken/")
    assert response.status_code == BEWERKEN[persona]


def test_a_published_voorbeeld_is_no_longer_edited_by_its_author(client, maak_voorbeeld, collega):
    voorbeeld = maak_voorbeeld(auteur=collega)
    client.force_login(collega)
    assert client.get(f"/voorbeelden/{voorbeeld.slug}/bewerken/").status_code == 403


@pytest.mark.parametrize("persona", PERSONAS)
def test_sharing_needs_a_login(as_persona, persona):
    response = as_persona(persona).get("/voorbeelden/nieuw/")
    assert response.status_code == (302 if persona == "anonymous" else 200)


def test_share_as_draft_then_submit(client, collega):
    client.force_login(collega)
    response = client.post("/voorbeelden/nieuw/", _formulier(actie="concept"))
    voorbeeld = Voorbeeld.objects.get(titel="Buurtapp in Lombok")
    assert response["Location"] == voorbeeld.get_absolute_url()
    assert (voorbeeld.redactiestatus, voorbeeld.auteur, voorbeeld.contactpersoon) == (
        "concept",
        collega,
        collega,
    )
    assert voorbeeld.aanpak == "- app met de gemeente\n- wekelijkse terugkoppeling"
    response = client.post(
        f"/voorbeelden/{voorbeeld.slug}/bewerken/",
        _formulier(actie="indienen", versie=voorbeeld.versie, resultaat="Meer meldingen."),
    )
    assert response.status_code == 302
    voorbeeld.refresh_from_db()
    assert voorbeeld.redactiestatus == "ingediend"
    assert voorbeeld.resultaat == "Meer meldingen."
    assert list(voorbeeld.history.values_list("history_change_reason", flat=True)) == [
        "ingediend",
        "bewaard als concept",
    ]


def test_bad_input_keeps_everything_typed(client, collega):
    client.force_login(collega)
    response = client.post("/voorbeelden/nieuw/", {**FORMULIER, "titel": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is een probleem" in html
    assert "Dit veld is verplicht." in html
    assert "Bewoners melden via een app wat hen opvalt.</textarea>" in html
    assert not Voorbeeld.objects.filter(samenvatting__startswith="Bewoners").exists()


def test_aandachtspunten_must_belong_to_the_chosen_opgaven(client, collega):
    client.force_login(collega)
    vreemd = Aandachtspunt.objects.filter(opgave__nummer=3).first()
    response = client.post("/voorbeelden/nieuw/", _formulier(aandachtspunten=[vreemd.pk]))
    assert "hoort bij een opgave die je niet koos" in response.content.decode()


def test_forbidden_fields_are_ignored(client, collega, teamchef):
    client.force_login(collega)
    client.post(
        "/voorbeelden/nieuw/",
        _formulier(redactiestatus="gepubliceerd", auteur=teamchef.pk, actie="concept"),
    )
    voorbeeld = Voorbeeld.objects.get(titel="Buurtapp in Lombok")
    assert voorbeeld.redactiestatus == "concept"
    assert voorbeeld.auteur == collega


def test_second_edit_gets_a_conflict_and_keeps_the_text(client, concept, collega):
    client.force_login(collega)
    gelezen = concept.versie
    client.post(
        f"/voorbeelden/{concept.slug}/bewerken/", _formulier(versie=gelezen, titel="Eerst")
    )
    response = client.post(
        f"/voorbeelden/{concept.slug}/bewerken/", _formulier(versie=gelezen, titel="Daarna")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert escape(str(CONFLICT_MELDING)) in html
    assert 'value="Daarna"' in html
    # The saved version beside it, and the form now carries that version.
    assert '<details class="conflict">' in html
    assert html.count('<details class="conflict">') == len(
        [n for namen in GROEPEN for n in namen[1]]
    )
    concept.refresh_from_db()
    assert f'name="versie" value="{concept.versie}"' in html
    concept.refresh_from_db()
    assert concept.titel == "Eerst"


def test_a_member_applies_a_voorbeeld_for_their_team_once(client, collega, team):
    voorbeeld = Voorbeeld.objects.get(slug="fabricius")
    client.force_login(collega)
    client.post(f"/voorbeelden/{voorbeeld.slug}/toepassen/", {"basisteam": team.pk})
    client.post(f"/voorbeelden/{voorbeeld.slug}/toepassen/", {"basisteam": team.pk})
    assert list(Toepassing.objects.values_list("basisteam__slug", flat=True)) == [team.slug]
    html = client.get(voorbeeld.get_absolute_url()).content.decode()
    assert "Basisteam Utrecht-Centrum" in html


def test_nobody_applies_for_a_team_they_are_not_in(client, collega, ander_team):
    client.force_login(collega)
    client.post("/voorbeelden/fabricius/toepassen/", {"basisteam": ander_team.pk})
    client.post("/voorbeelden/fabricius/toepassen/", {"basisteam": "abc"})
    assert not Toepassing.objects.exists()


def test_a_draft_cannot_be_applied(client, concept, collega, team):
    client.force_login(collega)
    client.post(f"/voorbeelden/{concept.slug}/toepassen/", {"basisteam": team.pk})
    assert not Toepassing.objects.exists()


def test_asking_needs_a_login(client, maak_voorbeeld, teamchef):
    voorbeeld = maak_voorbeeld(contactpersoon=teamchef)
    response = client.post(f"/voorbeelden/{voorbeeld.slug}/vraag/", {"vraag-tekst": "Hoi"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert mail.outbox == []


def test_the_feed_is_atom_with_the_newest_first(client, maak_voorbeeld):
    maak_voorbeeld("Gloednieuw voorbeeld")
    response = client.get("/voorbeelden/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    xml = response.content.decode()
    assert xml.index("Gloednieuw voorbeeld") < xml.index("Webcare Twente")


def _tienmaal(maak_voorbeeld, team, ander_team):
    punten = list(Aandachtspunt.objects.all()[:3])
    for n in range(70):
        voorbeeld = maak_voorbeeld(f"Extra {n}", basisteam=team)
        voorbeeld.aandachtspunten.set(punten)
        Toepassing.objects.create(voorbeeld=voorbeeld, basisteam=ander_team)


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # The list: seven of them count the options of its seven select filters; a page
        # with the header has one for the member's "My team", and one asks whether the
        # member answers questions (the filter on unanswered ones).
        ("/voorbeelden/", 18),
        (
            "/voorbeelden/?q=politie&opgave=versterken-van-wendbare-nabijheid&sortering=toegepast",
            19,
        ),
        ("/voorbeelden/mobiel-politiebureau-bollenstreek/", 15),
        ("/voorbeelden/feed/", 3),
    ],
)
def test_query_counts_flat_with_ten_times_the_voorbeelden(
    client, collega, team, ander_team, maak_voorbeeld, django_assert_num_queries, url, queries
):
    client.force_login(collega)
    # The pin is a ceiling (PostgreSQL needs fewer than SQLite for a search); the count
    # itself must not grow with the data.
    with CaptureQueriesContext(connection) as eerst:
        assert client.get(url).status_code == 200
    assert len(eerst) <= queries
    _tienmaal(maak_voorbeeld, team, ander_team)
    assert Voorbeeld.objects.count() >= 70
    with django_assert_num_queries(len(eerst)):
        assert client.get(url).status_code == 200
    assert Basisteam.objects.count() == 2
