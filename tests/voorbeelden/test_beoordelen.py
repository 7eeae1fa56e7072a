"""The redactie's review in the admin: Publiceren and Afwijzen on the change page of a
submitted voorbeeld, how many wait on the admin's index, no deleting (only archiving), a
preview that speaks to the redacteur, and merging partners."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from teams.models import User
from tests.conftest import PERSONAS
from voorbeelden import services
from voorbeelden.models import Partner, Redactiestatus, Voorbeeld

pytestmark = pytest.mark.django_db

WIJZIGEN = "/admin/voorbeelden/voorbeeld/{}/change/"


@pytest.fixture
def ingediend(concept):
    services.zet_status(concept, Redactiestatus.INGEDIEND, concept.auteur)
    return concept


def _formdata(client, voorbeeld, **wijzigingen):
    """What the change page posts back when nothing (or `wijzigingen`) was edited."""
    form = client.get(WIJZIGEN.format(voorbeeld.pk)).context["adminform"].form
    data = {
        naam: form[naam].value()
        for naam in form.fields
        if form[naam].value() is not None and naam not in {"aandachtspunten", "partners"}
    }
    data["opgaven"] = [o.pk for o in voorbeeld.opgaven.all()]
    data["aangemaakt_op_0"], data["aangemaakt_op_1"] = (
        voorbeeld.aangemaakt_op.strftime("%d-%m-%Y"),
        voorbeeld.aangemaakt_op.strftime("%H:%M:%S"),
    )
    data.pop("aangemaakt_op", None)
    data.update({"toepassingen-TOTAL_FORMS": "0", "toepassingen-INITIAL_FORMS": "0"})
    data.update(wijzigingen)
    return data


KNOPPEN = {
    "anonymous": False,
    "collega": False,
    "teamchef": False,
    "teamchef_ander_team": False,
    "redacteur": True,
    "beheerder": True,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_change_page_of_a_submitted_voorbeeld_has_the_decision_buttons(
    as_persona, ingediend, persona
):
    response = as_persona(persona).get(WIJZIGEN.format(ingediend.pk))
    if not KNOPPEN[persona]:
        assert response.status_code in {302, 403}
        return
    html = response.content.decode()
    assert 'name="_publiceren"' in html
    assert 'name="_afwijzen"' in html
    # After Save: Enter in a field saves, it does not publish.
    assert html.index('name="_save"') < html.index('name="_publiceren"')


@pytest.mark.parametrize("status", ["concept", "gepubliceerd", "afgewezen", "gearchiveerd"])
def test_only_a_submitted_voorbeeld_has_them(client, redacteur, maak_voorbeeld, status):
    voorbeeld = maak_voorbeeld(redactiestatus=status, afwijzingsreden="Te kort.")
    client.force_login(redacteur)
    assert 'name="_publiceren"' not in client.get(WIJZIGEN.format(voorbeeld.pk)).content.decode()


def test_publiceren_publishes_and_mails_the_author(
    client, redacteur, ingediend, django_capture_on_commit_callbacks
):
    client.force_login(redacteur)
    versie = ingediend.versie
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            WIJZIGEN.format(ingediend.pk), _formdata(client, ingediend, _publiceren="1")
        )
    assert response["Location"] == "/admin/voorbeelden/voorbeeld/"
    ingediend.refresh_from_db()
    assert ingediend.redactiestatus == "gepubliceerd"
    assert ingediend.beoordeeld_door == redacteur
    # Nothing was edited: one new version, the decision, not an “edited” one before it.
    assert ingediend.versie == versie + 1
    assert ingediend.history.first().history_change_reason == "gepubliceerd"
    assert mail.outbox[-1].to == [ingediend.auteur.email]
    assert "is gepubliceerd" in mail.outbox[-1].subject


def test_publiceren_saves_what_the_redacteur_edited_first(client, redacteur, ingediend):
    client.force_login(redacteur)
    client.post(
        WIJZIGEN.format(ingediend.pk),
        _formdata(client, ingediend, titel="Buurtapp Lombok (herzien)", _publiceren="1"),
    )
    ingediend.refresh_from_db()
    assert (ingediend.titel, ingediend.redactiestatus) == (
        "Buurtapp Lombok (herzien)",
        "gepubliceerd",
    )
    assert list(ingediend.history.values_list("history_change_reason", flat=True))[:2] == [
        "gepubliceerd",
        "bewerkt door de redactie",
    ]


def test_afwijzen_asks_the_reason_then_rejects_and_mails(
    client, redacteur, ingediend, django_capture_on_commit_callbacks
):
    client.force_login(redacteur)
    response = client.post(
        WIJZIGEN.format(ingediend.pk), _formdata(client, ingediend, _afwijzen="1")
    )
    url = f"/admin/voorbeelden/voorbeeld/{ingediend.pk}/afwijzen/"
    assert response["Location"] == url
    ingediend.refresh_from_db()
    assert ingediend.redactiestatus == "ingediend"  # not yet: the reason first

    zonder_reden = client.post(url, {"reden": "  "})
    assert zonder_reden.status_code == 200
    assert zonder_reden.context["form"].errors["reden"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reden": "Beschrijf het resultaat."}, follow=True)
    assert "1 voorbeeld afgewezen." in response.content.decode()
    ingediend.refresh_from_db()
    assert (ingediend.redactiestatus, ingediend.afwijzingsreden) == (
        "afgewezen",
        "Beschrijf het resultaat.",
    )
    assert "Beschrijf het resultaat." in mail.outbox[-1].body


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_redactie_reaches_the_rejection_page(as_persona, ingediend, persona):
    url = f"/admin/voorbeelden/voorbeeld/{ingediend.pk}/afwijzen/"
    response = as_persona(persona).post(url, {"reden": "Nee."})
    # Those who are not staff go to the admin's login, as everywhere in the admin.
    assert response.status_code == 302 if KNOPPEN[persona] else response.status_code in {302, 403}
    ingediend.refresh_from_db()
    assert ingediend.redactiestatus == ("afgewezen" if KNOPPEN[persona] else "ingediend")


def test_a_decision_someone_else_made_first_is_not_made_twice(client, redacteur, ingediend):
    client.force_login(redacteur)
    url = f"/admin/voorbeelden/voorbeeld/{ingediend.pk}/afwijzen/"
    services.zet_status(ingediend, Redactiestatus.GEPUBLICEERD, redacteur)
    response = client.post(url, {"reden": "Te laat."}, follow=True)
    assert "overgeslagen" in response.content.decode()
    ingediend.refresh_from_db()
    assert ingediend.redactiestatus == "gepubliceerd"


# --- The admin's index -----------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["redacteur", "beheerder"])
def test_the_admin_index_says_how_many_wait_for_review(as_persona, maak_voorbeeld, persona):
    client = as_persona(persona)
    html = client.get("/admin/").content.decode()
    assert 'id="te-beoordelen"' in html
    assert "?redactiestatus__exact=ingediend" not in html  # none wait
    for n in range(3):
        maak_voorbeeld(f"Wacht {n}", redactiestatus="ingediend")
    html = client.get("/admin/").content.decode()
    # The Dutch words come with the lead's merge of the catalogue; the number and the link now.
    assert '?redactiestatus__exact=ingediend">3 ' in html


def test_the_index_count_costs_one_query_whatever_the_number(
    client, redacteur, maak_voorbeeld, django_assert_num_queries
):
    client.force_login(redacteur)
    with CaptureQueriesContext(connection) as eerst:
        client.get("/admin/")
    for n in range(30):
        maak_voorbeeld(f"Wacht {n}", redactiestatus="ingediend")
    with django_assert_num_queries(len(eerst)):
        client.get("/admin/")


# --- No deleting -----------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["redacteur", "beheerder", "superuser"])
def test_nobody_deletes_a_voorbeeld_only_archives(client, request, maak_voorbeeld, persona):
    if persona == "superuser":
        user = User.objects.create_superuser(email="root@politie.test", password="x", naam="Root")
    else:
        user = request.getfixturevalue(persona)
    voorbeeld = maak_voorbeeld()
    client.force_login(user)
    lijst = client.get("/admin/voorbeelden/voorbeeld/")
    acties = [waarde for waarde, _label in lijst.context["action_form"].fields["action"].choices]
    assert "delete_selected" not in acties
    assert "archiveer" in acties
    verwijderen = f"/admin/voorbeelden/voorbeeld/{voorbeeld.pk}/delete/"
    assert verwijderen not in client.get(WIJZIGEN.format(voorbeeld.pk)).content.decode()
    assert client.get(verwijderen).status_code == 403
    client.post(
        "/admin/voorbeelden/voorbeeld/",
        {"action": "delete_selected", "_selected_action": [voorbeeld.pk], "post": "yes"},
    )
    assert Voorbeeld.objects.filter(pk=voorbeeld.pk).exists()


# --- The preview -----------------------------------------------------------------------------


def test_the_preview_speaks_to_the_redacteur(client, redacteur, ingediend):
    client.force_login(redacteur)
    html = client.get(ingediend.get_absolute_url()).content.decode()
    assert 'id="beoordeling"' in html
    assert f'href="/admin/voorbeelden/voorbeeld/{ingediend.pk}/change/"' in html
    assert "Alleen jij en de redactie" not in html


def test_the_author_still_reads_their_own_text(client, collega, ingediend):
    client.force_login(collega)
    html = client.get(ingediend.get_absolute_url()).content.decode()
    assert 'id="beoordeling"' not in html
    assert "/admin/" not in html


# --- Merging partners ------------------------------------------------------------------------


def test_the_redactie_merges_partners_an_author_added_twice(client, redacteur, maak_voorbeeld):
    houten = Partner.objects.create(naam="Gemeente Houten", soort="gemeente")
    dubbel = Partner.objects.create(naam="Gem. Houten", soort="gemeente")
    beide = maak_voorbeeld("Beide")
    beide.partners.set([houten, dubbel])
    alleen_dubbel = maak_voorbeeld("Alleen dubbel")
    alleen_dubbel.partners.set([dubbel])
    client.force_login(redacteur)
    keuze = {"action": "voeg_samen", "_selected_action": [houten.pk, dubbel.pk]}
    tussenpagina = client.post("/admin/voorbeelden/partner/", keuze)
    assert tussenpagina.status_code == 200
    html = tussenpagina.content.decode()
    assert 'name="action" value="voeg_samen"' in html
    assert f'name="_selected_action" value="{dubbel.pk}"' in html
    assert set(tussenpagina.context["form"].fields["doel"].queryset) == {houten, dubbel}
    response = client.post(
        "/admin/voorbeelden/partner/", {**keuze, "bevestig": "1", "doel": houten.pk}, follow=True
    )
    assert response.status_code == 200
    assert not Partner.objects.filter(pk=dubbel.pk).exists()
    assert list(beide.partners.all()) == [houten]
    assert list(alleen_dubbel.partners.all()) == [houten]
