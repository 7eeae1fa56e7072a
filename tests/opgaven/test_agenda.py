"""The team agenda: the teamchef chooses opgaven and aandachtspunten, with stage and note;
every change keeps its history; a second editor gets a conflict, not a silent overwrite."""

import pytest

from opgaven.models import Aandachtspunt, AgendaPunt, AgendaWijziging, Opgave
from opgaven.services import zet_op_agenda
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

URL = "/teams/utrecht-centrum/agenda/"


def _toevoegen(client, onderwerp: str, fase="verkennen", notitie=""):
    return client.post(
        URL, {"actie": "toevoegen", "onderwerp": onderwerp, "fase": fase, "notitie": notitie}
    )


def test_teamchef_adds_an_aandachtspunt_and_the_history_says_who(client, team, teamchef):
    punt = Aandachtspunt.objects.get(tekst__startswith="Het doorontwikkelen van webcare")
    client.force_login(teamchef)
    response = _toevoegen(client, f"punt-{punt.pk}", "aan_de_slag", "Samen met de gemeente.")
    assert response.status_code == 302
    item = AgendaPunt.objects.get(basisteam=team)
    assert (item.opgave.nummer, item.aandachtspunt, item.fase, item.notitie) == (
        1,
        punt,
        "aan_de_slag",
        "Samen met de gemeente.",
    )
    regel = AgendaWijziging.objects.get(basisteam=team)
    assert (regel.actie, regel.door, regel.onderwerp) == ("toegevoegd", teamchef, punt.tekst)


def test_change_and_remove_are_in_the_history(client, team, teamchef):
    item = zet_op_agenda(team, teamchef, Opgave.objects.get(nummer=6))
    client.force_login(teamchef)
    response = client.post(
        URL,
        {
            "actie": f"wijzigen-{item.pk}",
            f"punt-{item.pk}-punt": item.pk,
            f"punt-{item.pk}-gezien": item.bijgewerkt_op.isoformat(),
            f"punt-{item.pk}-fase": "verankerd",
            f"punt-{item.pk}-notitie": "Clusters staan.",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.fase, item.notitie) == ("verankerd", "Clusters staan.")
    client.post(URL, {"actie": f"verwijderen-{item.pk}"})
    assert not AgendaPunt.objects.filter(pk=item.pk).exists()
    assert list(
        AgendaWijziging.objects.filter(basisteam=team)
        .order_by("op", "pk")
        .values_list("actie", "fase")
    ) == [("toegevoegd", "verkennen"), ("gewijzigd", "verankerd"), ("verwijderd", "verankerd")]
    html = client.get(URL).content.decode()
    assert "Verwijderd: 6. &#x27;Klein&#x27; binnen &#x27;groot&#x27; organiseren" in html


def test_the_same_subject_cannot_be_added_twice(client, team, teamchef):
    opgave = Opgave.objects.get(nummer=4)
    zet_op_agenda(team, teamchef, opgave)
    client.force_login(teamchef)
    response = _toevoegen(client, f"opgave-{opgave.pk}", notitie="Wat ik typte")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dit staat al op de teamagenda." in html
    assert "Wat ik typte</textarea>" in html
    assert AgendaPunt.objects.filter(basisteam=team).count() == 1


@pytest.mark.parametrize("onderwerp", ["", "opgave-99999", "punt-abc", "iets"])
def test_bad_choices_are_form_errors(client, team, teamchef, onderwerp):
    client.force_login(teamchef)
    response = _toevoegen(client, onderwerp)
    assert response.status_code == 200
    assert "Er is een probleem" in response.content.decode()
    assert not AgendaPunt.objects.exists()


def test_a_note_that_is_too_long_is_refused_and_kept(client, team, teamchef):
    client.force_login(teamchef)
    lang = "x" * 501
    response = _toevoegen(client, f"opgave-{Opgave.objects.get(nummer=1).pk}", notitie=lang)
    html = response.content.decode()
    assert "Zorg dat deze waarde niet meer dan 500 tekens bevat (het zijn er nu 501)." in html
    assert f"{lang}</textarea>" in html


def test_second_editor_gets_a_conflict_and_keeps_their_choice(client, team, teamchef, beheerder):
    item = zet_op_agenda(team, teamchef, Opgave.objects.get(nummer=2))
    gezien = item.bijgewerkt_op.isoformat()
    velden = {f"punt-{item.pk}-punt": item.pk, f"punt-{item.pk}-gezien": gezien}
    client.force_login(beheerder)
    client.post(
        URL,
        {"actie": f"wijzigen-{item.pk}", **velden, f"punt-{item.pk}-fase": "aan_de_slag"},
    )
    client.force_login(teamchef)
    response = client.post(
        URL,
        {
            "actie": f"wijzigen-{item.pk}",
            **velden,
            f"punt-{item.pk}-fase": "verankerd",
            f"punt-{item.pk}-notitie": "Mijn tekst",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Iemand anders heeft dit punt gewijzigd" in html
    assert "Mijn tekst</textarea>" in html
    item.refresh_from_db()
    assert item.fase == "aan_de_slag"


def test_removing_an_item_that_is_already_gone_changes_nothing(client, team, teamchef):
    client.force_login(teamchef)
    response = client.post(URL, {"actie": "verwijderen-12345"}, follow=True)
    assert response.status_code == 200
    assert "bestaat niet meer" in response.content.decode()


def test_items_of_another_team_cannot_be_touched(client, team, ander_team, teamchef):
    vreemd = zet_op_agenda(ander_team, None, Opgave.objects.get(nummer=3))
    client.force_login(teamchef)
    client.post(URL, {"actie": f"verwijderen-{vreemd.pk}"})
    assert AgendaPunt.objects.filter(pk=vreemd.pk).exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_posting_to_the_agenda_per_persona(as_persona, team, persona):
    opgave = Opgave.objects.get(nummer=5)
    as_persona(persona).post(
        URL, {"actie": "toevoegen", "onderwerp": f"opgave-{opgave.pk}", "fase": "verkennen"}
    )
    toegevoegd = AgendaPunt.objects.filter(basisteam=team).exists()
    assert toegevoegd == (persona in {"teamchef", "beheerder"})


def test_query_count_flat_with_ten_times_the_items(
    client, team, teamchef, django_assert_num_queries
):
    zet_op_agenda(team, teamchef, Opgave.objects.get(nummer=1))
    client.force_login(teamchef)
    with django_assert_num_queries(10):
        assert client.get(URL).status_code == 200
    for opgave in Opgave.objects.exclude(nummer=1):
        zet_op_agenda(team, teamchef, opgave)
    for punt in Aandachtspunt.objects.all():
        zet_op_agenda(team, teamchef, punt.opgave, punt)
    with django_assert_num_queries(10):
        assert client.get(URL).status_code == 200
