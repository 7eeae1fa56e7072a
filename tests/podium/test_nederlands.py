"""Every string a user sees is Dutch: Django 6.1's new empty choice of a select,
“- Select an option -” (`django.db.models.fields.BLANK_CHOICE_LABEL`, not yet in Django's
Dutch catalogue), is translated by ours, on the portal's forms and in the admin, including
the admin's action menu."""

import re

import pytest
from django.contrib import admin

from opgaven.models import Opgave
from voorbeelden.models import Voorbeeld

pytestmark = pytest.mark.django_db


@pytest.fixture
def maak_voorbeeld():
    def maak(**velden) -> Voorbeeld:
        voorbeeld = Voorbeeld.objects.create(
            titel="Koffie met een cop", slug="koffie-met-een-cop", samenvatting="Koffie.", **velden
        )
        voorbeeld.opgaven.set([Opgave.objects.get(nummer=4)])
        return voorbeeld

    return maak


ENGELS = re.compile(r"select an option", re.IGNORECASE)


def _opties(html: str) -> list[str]:
    return re.findall(r"<option[^>]*>([^<]*)</option>", html)


def _geen_engels(html: str, url: str) -> None:
    assert not ENGELS.search(html), f"English empty choice on {url}"


def test_the_share_form_selects_are_dutch(client, collega):
    client.force_login(collega)
    html = client.get("/voorbeelden/nieuw/").content.decode()
    _geen_engels(html, "/voorbeelden/nieuw/")
    # The empty choice of eenheid, basisteam, status and onderbouwing says what to do.
    leeg = re.findall(r'<option value=""[^>]*>([^<]*)</option>', html)
    assert len(leeg) >= 4
    assert set(leeg) == {"- Kies een optie -"}


def test_the_admin_action_menu_is_dutch(client, redacteur, maak_voorbeeld):
    maak_voorbeeld()
    client.force_login(redacteur)
    html = client.get("/admin/voorbeelden/voorbeeld/").content.decode()
    _geen_engels(html, "/admin/voorbeelden/voorbeeld/")
    actie = html.split('name="action"')[1].split("</select>")[0]
    assert _opties(actie)[0] == "- Kies een optie -"
    assert "Publish the selected" not in actie


def test_no_english_empty_choice_on_any_admin_page(client, beheerder, maak_voorbeeld):
    """The broader guard: every changelist and add form of the admin, and a change form."""
    voorbeeld = maak_voorbeeld()
    client.force_login(beheerder)
    urls = [f"/admin/voorbeelden/voorbeeld/{voorbeeld.pk}/change/"]
    for model in admin.site._registry:
        meta = model._meta
        urls += [
            f"/admin/{meta.app_label}/{meta.model_name}/",
            f"/admin/{meta.app_label}/{meta.model_name}/add/",
        ]
    for url in urls:
        response = client.get(url)
        if response.status_code == 200:
            _geen_engels(response.content.decode(), url)
    assert Voorbeeld.objects.exists()


def test_no_english_empty_choice_on_the_portal_forms(client, teamchef, team, maak_voorbeeld):
    voorbeeld = maak_voorbeeld(auteur=teamchef)
    client.force_login(teamchef)
    for url in [
        "/voorbeelden/",
        "/voorbeelden/nieuw/",
        f"/voorbeelden/{voorbeeld.slug}/bewerken/",
        f"/voorbeelden/{voorbeeld.slug}/",
        f"/teams/{team.slug}/bewerken/",
        f"/teams/{team.slug}/agenda/",
        f"/teams/{team.slug}/gesprekken/",
        f"/teams/{team.slug}/gesprekken/nieuw/",
        f"/teams/{team.slug}/afspraken/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        _geen_engels(response.content.decode(), url)
