"""Sharing a voorbeeld: where it comes from is filled in from the author's teams, and a
partner that is not in the list is added with the voorbeeld."""

import pytest

from opgaven.models import Opgave
from teams.models import Basisteam, Eenheid, Lidmaatschap
from voorbeelden import services
from voorbeelden.models import Partner, Voorbeeld

pytestmark = pytest.mark.django_db


def _keuze(response, veld: str):
    return response.context["form"][veld].value()


def test_one_team_fills_in_its_eenheid_and_the_team(client, collega, team):
    client.force_login(collega)
    response = client.get("/voorbeelden/nieuw/")
    assert (_keuze(response, "eenheid"), _keuze(response, "basisteam")) == (
        team.eenheid_id,
        team.pk,
    )
    html = response.content.decode()
    assert f'<option value="{team.pk}" selected>' in html


def test_teams_in_one_eenheid_fill_in_the_eenheid_only(client, collega, team, ander_team):
    Lidmaatschap.objects.create(user=collega, basisteam=ander_team, rol=Lidmaatschap.Rol.COLLEGA)
    client.force_login(collega)
    response = client.get("/voorbeelden/nieuw/")
    assert (_keuze(response, "eenheid"), _keuze(response, "basisteam")) == (team.eenheid_id, None)


def test_teams_in_several_eenheden_fill_in_nothing(client, collega, team):
    elders = Basisteam.objects.create(
        naam="Basisteam Zwolle",
        slug="zwolle",
        code="ON-ZW",
        eenheid=Eenheid.objects.get(code="ON"),
    )
    Lidmaatschap.objects.create(user=collega, basisteam=elders, rol=Lidmaatschap.Rol.COLLEGA)
    client.force_login(collega)
    response = client.get("/voorbeelden/nieuw/")
    assert (_keuze(response, "eenheid"), _keuze(response, "basisteam")) == (None, None)


@pytest.mark.parametrize("persona", ["redacteur", "beheerder"])
def test_no_team_fills_in_nothing(as_persona, persona):
    response = as_persona(persona).get("/voorbeelden/nieuw/")
    assert (_keuze(response, "eenheid"), _keuze(response, "basisteam")) == (None, None)


def test_what_the_author_chose_wins_over_the_team(client, collega, team):
    client.force_login(collega)
    client.post("/voorbeelden/nieuw/", _formulier(eenheid="", basisteam="", actie="concept"))
    voorbeeld = Voorbeeld.objects.get(titel="Buurtapp in Lombok")
    assert (voorbeeld.eenheid, voorbeeld.basisteam) == (None, None)


def _formulier(**extra):
    return {
        "titel": "Buurtapp in Lombok",
        "samenvatting": "Bewoners melden via een app wat hen opvalt.",
        "opgaven": [Opgave.objects.get(nummer=1).pk],
        "actie": "concept",
        **extra,
    }


def test_a_partner_not_in_the_list_is_added_with_the_voorbeeld(client, collega):
    bestaand = Partner.objects.first()
    client.force_login(collega)
    response = client.post(
        "/voorbeelden/nieuw/",
        _formulier(
            partners=[bestaand.pk],
            nieuwe_partner="  Stichting   Buurtwerk Lombok ",
            nieuwe_partner_soort="burgers",
        ),
    )
    assert response.status_code == 302
    voorbeeld = Voorbeeld.objects.get(titel="Buurtapp in Lombok")
    nieuw = Partner.objects.get(naam="Stichting Buurtwerk Lombok")
    assert nieuw.soort == "burgers"
    assert set(voorbeeld.partners.all()) == {bestaand, nieuw}


def test_a_partner_typed_with_other_capitals_is_the_existing_one(client, collega):
    bestaand = Partner.objects.create(naam="Woonstichting De Key", soort="woningcorporatie")
    aantal = Partner.objects.count()
    client.force_login(collega)
    client.post(
        "/voorbeelden/nieuw/",
        # No kind needed: the partner is known.
        _formulier(nieuwe_partner="woonstichting de key"),
    )
    voorbeeld = Voorbeeld.objects.get(titel="Buurtapp in Lombok")
    assert list(voorbeeld.partners.all()) == [bestaand]
    assert Partner.objects.count() == aantal


def test_a_partner_is_also_added_when_editing_a_draft(client, concept, collega):
    client.force_login(collega)
    response = client.post(
        f"/voorbeelden/{concept.slug}/bewerken/",
        _formulier(
            versie=concept.versie,
            nieuwe_partner="Bibliotheek Utrecht",
            nieuwe_partner_soort="anders",
        ),
    )
    assert response.status_code == 302
    assert [p.naam for p in concept.partners.all()] == ["Bibliotheek Utrecht"]


@pytest.mark.parametrize(
    ("naam", "soort", "fout_bij"),
    [("Buurthuis De Pijler", "", "nieuwe_partner_soort"), ("", "burgers", "nieuwe_partner")],
)
def test_a_new_partner_needs_a_name_and_a_kind_and_nothing_typed_is_lost(
    client, collega, naam, soort, fout_bij
):
    client.force_login(collega)
    response = client.post(
        "/voorbeelden/nieuw/", _formulier(nieuwe_partner=naam, nieuwe_partner_soort=soort)
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == [fout_bij]
    html = response.content.decode()
    assert f'href="#id_{fout_bij}"' in html  # in the error summary
    assert 'value="Buurtapp in Lombok"' in html
    if naam:
        assert f'value="{naam}"' in html
    assert not Voorbeeld.objects.filter(titel="Buurtapp in Lombok").exists()
    assert not Partner.objects.filter(naam="Buurthuis De Pijler").exists()


def test_the_new_partner_is_saved_with_the_voorbeeld_or_not_at_all(client, collega, monkeypatch):
    echt = services.partner_met_naam

    def dan_kapot(*args, **kwargs):
        echt(*args, **kwargs)
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "partner_met_naam", dan_kapot)
    client.force_login(collega)
    client.raise_request_exception = False
    response = client.post(
        "/voorbeelden/nieuw/",
        _formulier(nieuwe_partner="Buurthuis De Pijler", nieuwe_partner_soort="burgers"),
    )
    assert response.status_code == 500
    assert not Partner.objects.filter(naam="Buurthuis De Pijler").exists()
    assert not Voorbeeld.objects.filter(titel="Buurtapp in Lombok").exists()


def test_a_name_typed_again_in_other_capitals_finds_the_partner(db):
    eerst = services.partner_met_naam("Gemeente Houten", "gemeente")
    assert services.partner_met_naam("GEMEENTE HOUTEN", "anders") == eerst
    assert Partner.objects.filter(naam__iexact="gemeente houten").count() == 1
