"""Gesprekken in the admin (beheerders only, histories read-only) and the demo gesprek."""

import pytest

from gesprekken import services
from gesprekken.demo import DEMO_TITEL, load_demo_gesprekken
from gesprekken.models import Afspraak, AfspraakWijziging, AntwoordVersie, Gesprek
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
    versie = AntwoordVersie.objects.get()
    wijziging = AfspraakWijziging.objects.get()
    for pad in [
        "gesprek/",
        f"gesprek/{gesprek.pk}/change/",
        "antwoord/",
        f"antwoord/{antwoord.pk}/change/",
        "antwoordversie/",
        f"antwoordversie/{versie.pk}/change/",
        "afspraak/",
        f"afspraak/{afspraak.pk}/change/",
        "afspraakwijziging/",
        f"afspraakwijziging/{wijziging.pk}/change/",
    ]:
        assert client.get(f"{ADMIN}{pad}").status_code == 200, pad
    # Gesprekken start on the team page; histories cannot be written.
    for pad in ["gesprek/add/", "antwoordversie/add/", "afspraakwijziging/add/"]:
        assert client.get(f"{ADMIN}{pad}").status_code == 403, pad


def test_history_cannot_be_changed_or_deleted_in_the_admin(client, ingevuld, beheerder):
    client.force_login(beheerder)
    versie = AntwoordVersie.objects.get()
    response = client.post(f"{ADMIN}antwoordversie/{versie.pk}/change/", {"tekst": "vervalst"})
    assert response.status_code == 403
    assert client.post(f"{ADMIN}antwoordversie/{versie.pk}/delete/").status_code == 403
    versie.refresh_from_db()
    assert versie.tekst == "eerst"


def test_an_afspraak_changed_in_the_admin_gets_its_history_line(client, ingevuld, beheerder):
    _gesprek, _antwoord, afspraak = ingevuld
    client.force_login(beheerder)
    response = client.post(
        f"{ADMIN}afspraak/{afspraak.pk}/change/",
        {"omschrijving": "Doen, door de beheerder", "eigenaar": "", "status": "vervallen"},
    )
    assert response.status_code == 302
    afspraak.refresh_from_db()
    assert (afspraak.status, afspraak.versie, afspraak.bijgewerkt_door) == (
        "vervallen",
        2,
        beheerder,
    )
    laatste = AfspraakWijziging.objects.filter(afspraak=afspraak).order_by("-pk").first()
    assert (laatste.actie, laatste.status, laatste.door) == ("gewijzigd", "vervallen", beheerder)


def test_a_gesprek_changed_in_the_admin_is_a_new_version(client, gesprek, beheerder):
    from gesprekken.admin import GesprekAdmin

    GesprekAdmin(Gesprek, None).save_model(None, gesprek, None, change=True)
    gesprek.refresh_from_db()
    assert gesprek.versie == 2


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
