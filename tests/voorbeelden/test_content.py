"""The folder's seven voorbeelden, each its own, linked as the folder places them; what the
folder does not say stays empty."""

import pytest

from voorbeelden.models import Voorbeeld

pytestmark = pytest.mark.django_db

VERWACHT = {
    "webcare-twente": ("Webcare Twente", 1, "Twente", [], ["Lokale hogeschool"]),
    "bondgenoten": ("Bondgenoten", 2, "", ["Midden-Nederland"], ["Sleutelfiguren in de wijk"]),
    "fabricius": (
        "Fabricius",
        3,
        "Havengebied IJmuiden",
        [],
        ["Belastingdienst/FIOD", "Douane", "Gemeente Velsen"],
    ),
    "tijdelijk-politiebureau-in-een-leegstaand-winkelpand": (
        "Tijdelijk politiebureau in een leegstaand winkelpand",
        4,
        "",
        [],
        [],
    ),
    "tijdelijke-werkplek-met-een-chromebook": (
        "Tijdelijke werkplek met een Chromebook in supermarkt of bibliotheek",
        4,
        "",
        [],
        [],
    ),
    "mobiel-politiebureau-bollenstreek": (
        "Mobiel politiebureau in de Bollenstreek",
        4,
        "Bollenstreek",
        [],
        [],
    ),
    "whatsapp-spreekuur-ijsselstein": (
        "WhatsApp-spreekuur in IJsselstein tijdens de jaarwisseling",
        4,
        "IJsselstein",
        [],
        [],
    ),
}


def test_the_seven_voorbeelden_of_the_folder_with_their_links():
    voorbeelden = Voorbeeld.objects.prefetch_related("opgaven", "partners").select_related(
        "eenheid"
    )
    gevonden = {
        v.slug: (
            v.titel,
            next(o.nummer for o in v.opgaven.all()),
            v.plaats,
            [v.eenheid.naam] if v.eenheid else [],
            sorted(p.naam for p in v.partners.all()),
        )
        for v in voorbeelden
    }
    assert gevonden == VERWACHT
    assert all(v.is_gepubliceerd for v in voorbeelden)
    assert {v.bron for v in voorbeelden} == {"Podium voor goed politiewerk (ontwikkelagenda GGP)"}


def test_each_is_linked_to_an_aandachtspunt_of_its_own_opgave():
    for voorbeeld in Voorbeeld.objects.prefetch_related("aandachtspunten", "opgaven"):
        punten = list(voorbeeld.aandachtspunten.all())
        assert len(punten) == 1, voorbeeld.titel
        assert punten[0].opgave in voorbeeld.opgaven.all()


def test_texts_as_the_folder_gives_them_and_nothing_invented():
    webcare = Voorbeeld.objects.get(slug="webcare-twente")
    assert webcare.samenvatting.startswith("In Twente zijn politiecollega's gestart met webcare.")
    assert "tussen 07.00 en 23.00 uur niet-spoedmeldingen" in webcare.samenvatting
    assert webcare.periode == "Sinds september 2017"
    fabricius = Voorbeeld.objects.get(slug="fabricius")
    assert fabricius.aanleiding.startswith("Fabricius werd gestart om het havengebied")
    assert "repressieve als preventieve focus" in fabricius.aanpak
    for voorbeeld in Voorbeeld.objects.all():
        assert voorbeeld.resultaat == ""
        assert voorbeeld.lessen == ""
        assert voorbeeld.status == ""
        assert voorbeeld.onderbouwing == ""
        assert voorbeeld.contactpersoon is None


def test_the_opgave_page_lists_its_published_voorbeelden(client, maak_voorbeeld):
    maak_voorbeeld("Nog een concept", redactiestatus="concept")
    html = client.get("/opgaven/versterken-van-wendbare-nabijheid/").content.decode()
    assert "Mobiel politiebureau in de Bollenstreek" in html
    assert "Koffie" not in html
    assert "Nog een concept" not in html
    assert "Webcare Twente" not in html
