"""Gesprekken in the admin (beheerders only, histories read-only) and the demo gesprek. The
version check and the history rows of an admin edit are in test_versies.py."""

import pytest

from gesprekken import services
from gesprekken.demo import DEMO_TITEL, load_demo_gesprekken
from gesprekken.models import Afspraak, Gesprek
from podium.demo import load_demo
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

ADMIN = "/admin/gesprekken/"


@pytest.fixture
def ingevuld(gesprek, teamchef):
    antwoord = gesprek.antwoorden.get(volgorde=1)
    services.leg_antwoord_vast(antwoord, teamchef, 1, "eerst")
    services.leg_antwoord_vast(antwoord, teamchef, 2, "daarna")
    (afspraak,) = services.maak_afspraken(gesprek, teamchef, [{"omschrijving": "Doen"}])
    return gesprek, antwoord, afspraak


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_beheerder_sees_gesprekken_in_the_admin(as_persona, ingevuld, persona):
    response = as_persona(persona).get(f"{ADMIN}gesprek/", follow=True)
    verwacht = {"beheerder": 200, "anonymous": 200}.get(persona, 403)
    assert response.status_code == verwacht
    if persona == "anonymous":
        assert response.templates[0].name == "account/login.html"


def test_the_beheerder_reads_everything(client, ingevuld, beheerder):
    gesprek, antwoord, afspraak = ingevuld
    client.force_login(beheerder)
    versie = antwoord.history.last()  # the first text
    for pad in [
        "gesprek/",
        f"gesprek/{gesprek.pk}/change/",
        f"gesprek/{gesprek.pk}/history/",
        "antwoord/",
        f"antwoord/{antwoord.pk}/change/",
        f"antwoord/{antwoord.pk}/history/",
        f"antwoord/{antwoord.pk}/history/{versie.history_id}/",
        "afspraak/",
        f"afspraak/{afspraak.pk}/change/",
        f"afspraak/{afspraak.pk}/history/",
    ]:
        assert client.get(f"{ADMIN}{pad}").status_code == 200, pad
    historie = client.get(f"{ADMIN}antwoord/{antwoord.pk}/history/").content.decode()
    assert "Tom Teamchef" in historie
    # Gesprekken start on the team page; answers are recorded there.
    for pad in ["gesprek/add/", "antwoord/add/", "afspraak/add/"]:
        assert client.get(f"{ADMIN}{pad}").status_code == 403, pad


def test_answers_and_their_history_cannot_be_changed_in_the_admin(client, ingevuld, beheerder):
    _gesprek, antwoord, _afspraak = ingevuld
    client.force_login(beheerder)
    versie = antwoord.history.last()
    pogingen = [
        (f"antwoord/{antwoord.pk}/change/", {"tekst": "vervalst"}),
        (f"antwoord/{antwoord.pk}/delete/", {"post": "yes"}),
        # Putting the first text back from its history.
        (f"antwoord/{antwoord.pk}/history/{versie.history_id}/", {}),
    ]
    for pad, data in pogingen:
        assert client.post(f"{ADMIN}{pad}", data).status_code == 403, pad
    antwoord.refresh_from_db()
    assert (antwoord.tekst, antwoord.versie, antwoord.history.count()) == ("daarna", 3, 2)


def test_the_demo_gesprek_is_labelled_complete_and_idempotent(db):
    assert load_demo_gesprekken() is None  # without the demo team there is nothing to do
    load_demo()
    gesprek = load_demo_gesprekken()
    assert load_demo_gesprekken() == gesprek
    assert Gesprek.objects.filter(titel=DEMO_TITEL).count() == 1
    assert gesprek.titel.endswith("(demo)")
    assert gesprek.basisteam.slug == "demo-centrum"
    assert gesprek.status == "gevoerd"
    assert gesprek.gespreksleider.email == "collega@demo.podium.invalid"
    assert gesprek.antwoorden.exclude(tekst="").count() == 2
    assert Afspraak.objects.filter(gesprek=gesprek).count() == 3
    assert Afspraak.objects.filter(gesprek=gesprek, status="loopt").count() == 1
    assert all(a.omschrijving.endswith("(demo)") for a in gesprek.afspraken.all())
    assert gesprek.afspraken.filter(eigenaar="gemeente").get().is_over_tijd


def _wijzigformulier(response) -> dict:
    """The data the admin's change form of a gesprek posts as it is shown."""
    data = {}
    formulieren = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formulieren += [inline.formset.management_form, *inline.formset.forms]
    for form in formulieren:
        for veld in form:
            waarde = veld.value()
            if waarde is None or veld.field.disabled:
                continue
            if isinstance(waarde, list):
                data[veld.html_name] = [str(w) for w in waarde]
            else:
                data[veld.html_name] = str(waarde)
    return data


def test_the_team_of_a_gesprek_cannot_be_changed_in_the_admin(
    client, ingevuld, beheerder, team, ander_team
):
    """Its afspraken carry the team too: moving the gesprek would split the record."""
    gesprek, _antwoord, afspraak = ingevuld
    client.force_login(beheerder)
    url = f"{ADMIN}gesprek/{gesprek.pk}/change/"
    response = client.get(url)
    assert 'name="basisteam"' not in response.content.decode()
    assert "Basisteam Utrecht-Centrum" in response.content.decode()  # shown, read-only
    data = _wijzigformulier(response) | {"titel": "Via de admin", "basisteam": ander_team.pk}
    response = client.post(url, data)
    assert response.status_code == 302
    gesprek.refresh_from_db()
    afspraak.refresh_from_db()
    assert gesprek.titel == "Via de admin"
    assert gesprek.basisteam == afspraak.basisteam == team
