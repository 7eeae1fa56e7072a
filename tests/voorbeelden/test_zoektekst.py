"""A voorbeeld is found by what it is linked to: its opgaven, aandachtspunten, partners,
plaats, basisteam and eenheid (`Voorbeeld.zoektekst`), in the library on both databases."""

import pytest

from opgaven.models import Aandachtspunt, Opgave
from teams.models import Eenheid
from voorbeelden.models import Partner, Voorbeeld

pytestmark = pytest.mark.django_db


def _titels(client, q: str) -> list[str]:
    response = client.get("/voorbeelden/", {"q": q})
    return [v.titel for v in response.context["pagina"].object_list]


def test_ondermijning_finds_fabricius_by_its_opgave(client):
    # Fabricius's own texts do not say “ondermijning”; its opgave does.
    fabricius = Voorbeeld.objects.get(slug="fabricius")
    assert "ondermijning" not in (fabricius.titel + fabricius.samenvatting).lower()
    assert "Fabricius" in _titels(client, "ondermijning")


def test_the_migration_filled_the_search_text_of_the_folder():
    fabricius = Voorbeeld.objects.get(slug="fabricius")
    assert "Samenspannen tegen ondermijning" in fabricius.zoektekst
    assert "Gemeente Velsen" in fabricius.zoektekst
    assert "Havengebied IJmuiden" in fabricius.zoektekst


def test_found_by_partner_aandachtspunt_team_and_eenheid(client, maak_voorbeeld, team):
    voorbeeld = maak_voorbeeld("Koffie", samenvatting="Met bewoners.", basisteam=team)
    voorbeeld.partners.add(Partner.objects.create(naam="Woonstichting Zuidwal", soort="anders"))
    voorbeeld.aandachtspunten.add(Aandachtspunt.objects.filter(opgave__nummer=4).first())
    assert "Koffie" in _titels(client, "Zuidwal")
    assert "Koffie" in _titels(client, "Utrecht-Centrum")
    assert "Koffie" in _titels(client, "Midden-Nederland")
    tekst = Aandachtspunt.objects.filter(opgave__nummer=4).first().tekst
    assert tekst in Voorbeeld.objects.get(pk=voorbeeld.pk).zoektekst


def test_links_removed_and_renamed_are_followed(client, maak_voorbeeld, team):
    voorbeeld = maak_voorbeeld("Koffie", samenvatting="Met bewoners.", basisteam=team)
    partner = Partner.objects.create(naam="Woonstichting Zuidwal", soort="anders")
    partner.voorbeelden.add(voorbeeld)  # from the other side
    assert "Koffie" in _titels(client, "Zuidwal")
    partner.naam = "Woonstichting Noordwal"
    partner.save()
    assert "Koffie" not in _titels(client, "Zuidwal")
    assert "Koffie" in _titels(client, "Noordwal")
    partner.voorbeelden.clear()
    assert "Koffie" not in _titels(client, "Noordwal")
    team.naam = "Basisteam Zeeburg"
    team.save()
    assert "Koffie" in _titels(client, "Zeeburg")
    eenheid = Eenheid.objects.get(code="MN")
    eenheid.naam = "Middenland"
    eenheid.save()
    assert "Koffie" in _titels(client, "Middenland")
    voorbeeld.opgaven.clear()
    opgave = Opgave.objects.get(nummer=3)
    assert "Koffie" not in _titels(client, "ondermijning")
    voorbeeld.opgaven.add(opgave)
    assert "Koffie" in _titels(client, "ondermijning")


def test_the_history_does_not_keep_the_search_text(maak_voorbeeld):
    voorbeeld = maak_voorbeeld()
    assert not hasattr(voorbeeld.history.first(), "zoektekst")
