"""Redacteuren curate the content in the Django admin; questions are archived, never deleted."""

import pytest

from opgaven.models import Gespreksvraag, Opgave
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

OPGAVE_ADMIN = "/admin/opgaven/opgave/"
# Who may open the content admin: staff with the Redactie or Beheer group. The admin's
# login page passes anonymous users on to allauth's and refuses logged-in non-staff.
EXPECTED = {
    "anonymous": 200,  # allauth's login page, after the redirects
    "collega": 403,
    "teamchef": 403,
    "teamchef_ander_team": 403,
    "redacteur": 200,
    "beheerder": 200,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_content_admin_per_persona(as_persona, persona):
    response = as_persona(persona).get(OPGAVE_ADMIN, follow=True)
    assert response.status_code == EXPECTED[persona]
    if persona == "anonymous":
        assert (
            response.redirect_chain[-1][0]
            == "/accounts/login/?next=%2Fadmin%2Fopgaven%2Fopgave%2F"
        )


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_the_beheerder_manages_users(as_persona, persona):
    response = as_persona(persona).get("/admin/teams/user/", follow=True)
    expected = {"beheerder": 200, "anonymous": 200}.get(persona, 403)
    assert response.status_code == expected
    if persona == "anonymous":
        assert response.templates[0].name == "account/login.html"


def test_redacteur_edits_an_opgave_with_its_aandachtspunten_inline(client, redacteur):
    client.force_login(redacteur)
    opgave = Opgave.objects.get(nummer=6)
    url = f"{OPGAVE_ADMIN}{opgave.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            "aandachtspunten-TOTAL_FORMS": "1",
            "aandachtspunten-INITIAL_FORMS": "0",
            "aandachtspunten-0-tekst": "Clusters vormen met eigen wijken.",
            "aandachtspunten-0-volgorde": "1",
            "titel": "'Klein' binnen 'groot' organiseren",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    assert list(opgave.aandachtspunten.values_list("tekst", flat=True)) == [
        "Clusters vormen met eigen wijken."
    ]


def test_redacteur_cannot_change_users(client, redacteur, collega):
    client.force_login(redacteur)
    response = client.post(f"/admin/teams/user/{collega.pk}/change/", {"is_staff": "on"})
    assert response.status_code == 403
    collega.refresh_from_db()
    assert not collega.is_staff


@pytest.mark.parametrize("persona", ["redacteur", "beheerder"])
def test_questions_cannot_be_deleted_only_archived(as_persona, persona):
    client = as_persona(persona)
    vraag = Gespreksvraag.objects.get(tekst="Op welke manier werk je hier al aan?")
    assert client.get(f"/admin/opgaven/gespreksvraag/{vraag.pk}/delete/").status_code == 403
    client.post(f"/admin/opgaven/gespreksvraag/{vraag.pk}/delete/", {"post": "yes"})
    assert Gespreksvraag.objects.filter(pk=vraag.pk).exists()

    response = client.post(
        "/admin/opgaven/gespreksvraag/",
        {"action": "archiveer", "_selected_action": [vraag.pk]},
        follow=True,
    )
    vraag.refresh_from_db()
    assert vraag.gearchiveerd
    assert "1 vraag gearchiveerd." in response.content.decode()


def test_admin_changelists_and_forms_render_for_the_redactie(client, redacteur):
    client.force_login(redacteur)
    for model in ["opgave", "aandachtspunt", "gespreksleidraad", "gespreksvraag", "pagina"]:
        assert client.get(f"/admin/opgaven/{model}/").status_code == 200
        assert client.get(f"/admin/opgaven/{model}/add/").status_code == 200
    assert client.get("/admin/opgaven/opgave/?q=webcare").status_code == 200
    assert client.get("/admin/opgaven/gespreksvraag/?gearchiveerd__exact=1").status_code == 200
