"""The folder's content, loaded by the data migration, exactly as the folder has it."""

import pytest

from opgaven.models import Aandachtspunt, Gespreksleidraad, Gespreksvraag, Opgave, Pagina

pytestmark = pytest.mark.django_db

TITELS = {
    1: ("extern", "Werken in wijk en web"),
    2: ("extern", "Omgaan met de wereld in de wijk"),
    3: ("extern", "Samenspannen tegen ondermijning"),
    4: ("extern", "Versterken van wendbare nabijheid"),
    5: ("intern", "De teams en teamchefs in positie brengen"),
    6: ("intern", "'Klein' binnen 'groot' organiseren"),
    7: ("intern", "Beter samenspel ontwikkelen"),
    8: ("intern", "Vernieuwend werken"),
}


def test_the_eight_opgaven_with_number_kind_and_title():
    assert {o.nummer: (o.soort, o.titel) for o in Opgave.objects.all()} == TITELS


def test_each_opgave_has_its_full_text_from_the_folder():
    teksten = dict(Opgave.objects.values_list("nummer", "tekst"))
    assert teksten[1].startswith("Het leven speelt zich steeds meer online af.")
    assert teksten[3].endswith("moeten hierin samen optrekken.")
    assert "elke teamchef krijgt een debitcard" in teksten[5]
    assert teksten[8].endswith("aan de ontwikkelingen van het politievak.")
    assert all(len(tekst) > 300 for tekst in teksten.values())


def test_nineteen_aandachtspunten_seven_four_four_four_in_order():
    aantallen = {o.nummer: o.aandachtspunten.count() for o in Opgave.objects.all()}
    assert aantallen == {1: 7, 2: 4, 3: 4, 4: 4, 5: 0, 6: 0, 7: 0, 8: 0}
    assert Aandachtspunt.objects.count() == 19
    eerste = list(Opgave.objects.get(nummer=1).aandachtspunten.values_list("tekst", flat=True))
    assert eerste[0] == "Het verder ontwikkelen van de politietaak in de digitale wereld."
    assert eerste[-1] == (
        "Het verzorgen van eventuele technische ondersteuning bij het werken in wijk en web, "
        "zoals applicaties."
    )


def test_two_question_sets_four_external_and_three_internal_questions():
    extern = Gespreksleidraad.objects.get(slug="externe-opgaven")
    intern = Gespreksleidraad.objects.get(slug="interne-opgaven")
    assert list(extern.vragen.values_list("tekst", flat=True)) == [
        "Welke ontwikkelingen in de maatschappij zie je in jouw gebied?",
        "Welke is wat jou betreft de meest urgente om aan te werken?",
        "Op welke manier werk je hier al aan?",
        "Hoe kun je in jouw team samen met partners anders of beter samenwerken om de "
        "aansluiting bij de maatschappij te houden?",
    ]
    assert list(intern.vragen.values_list("tekst", "soort")) == [
        ("Op welke manier werk je al aan de ontwikkeling van je team?", "open"),
        ("Wat heb je nodig om hiermee aan de slag te gaan?", "open"),
        ("Wat zijn de drie dingen die je het liefst en het snelst kan bereiken?", "top3"),
    ]
    assert sorted(extern.opgaven.values_list("nummer", flat=True)) == [1, 2, 3, 4]
    assert sorted(intern.opgaven.values_list("nummer", flat=True)) == [5, 6, 7, 8]
    assert Gespreksvraag.objects.count() == 7


def test_background_pages_introduction_six_characteristics_and_agile_teams():
    assert list(Pagina.objects.values_list("slug", flat=True)) == [
        "inleiding",
        "kenmerken-van-ggp",
        "wendbare-basisteams",
        "meer-weten",
    ]
    kenmerken = Pagina.objects.get(slug="kenmerken-van-ggp").tekst
    assert [
        regel[2:].split(".")[0] for regel in kenmerken.splitlines() if regel.startswith("- ")
    ] == [
        "De basisfunctie",
        "Lokale verankering",
        "Nabijheid tot burgers",
        "Betrokkenheid van burgers",
        "Oriëntatie op problemen",
        "Evenwichtige taakuitvoering",
    ]
    wendbaar = Pagina.objects.get(slug="wendbare-basisteams").tekst
    assert "tussen de 60 en 200 fte" in wendbaar
    assert "1 wijkagent op 5000 inwoners" in wendbaar
    assert "'ontwikkelen is leren'" in Pagina.objects.get(slug="inleiding").tekst
