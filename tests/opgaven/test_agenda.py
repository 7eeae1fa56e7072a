"""The team agenda: the teamchef chooses opgaven and aandachtspunten, with stage and note;
every change keeps its history; a second editor gets a conflict, not a silent overwrite.
Each form of the page posts to a view of its own."""

import pytest
from django.utils.html import escape

from core.versies import CONFLICT_MELDING
from opgaven.models import Aandachtspunt, AgendaPunt, Opgave
from opgaven.services import zet_op_agenda
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

URL = "/teams/utrecht-centrum/agenda/"
HISTORIE = AgendaPunt.history.model


def _toevoegen(client, onderwerp: str, fase="verkennen", notitie=""):
    return client.post(
        f"{URL}toevoegen/", {"onderwerp": onderwerp, "fase": fase, "notitie": notitie}
    )


def _wijzigen(client, item, versie, fase, notitie="", actie="wijzigen"):
    return client.post(
        f"{URL}{item.pk}/{actie}/",
        {
            f"punt-{item.pk}-versie": versie,
            f"punt-{item.pk}-fase": fase,
            f"punt-{item.pk}-notitie": notitie,
        },
    )


def _verwijderen(client, item, versie=None, **kwargs):
    return _wijzigen(
        client,
        item,
        item.versie if versie is None else versie,
        item.fase,
        item.notitie,
        actie="verwijderen",
        **kwargs,
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
    regel = HISTORIE.objects.get(basisteam=team)
    assert (regel.history_type, regel.history_user, regel.onderwerp) == ("+", teamchef, punt.tekst)
    assert regel.history_change_reason


def test_change_and_remove_are_in_the_history(client, team, teamchef):
    item = zet_op_agenda(team, teamchef, Opgave.objects.get(nummer=6))
    client.force_login(teamchef)
    response = _wijzigen(client, item, item.versie, "verankerd", "Clusters staan.")
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.fase, item.notitie, item.versie) == ("verankerd", "Clusters staan.", 2)
    assert _verwijderen(client, item).status_code == 302
    assert not AgendaPunt.objects.filter(pk=item.pk).exists()
    assert list(
        HISTORIE.objects.filter(basisteam=team)
        .order_by("history_date", "history_id")
        .values_list("history_type", "fase", "history_user")
    ) == [
        ("+", "verkennen", teamchef.pk),
        ("~", "verankerd", teamchef.pk),
        ("-", "verankerd", teamchef.pk),
    ]
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
    gelezen = item.versie
    client.force_login(beheerder)
    _wijzigen(client, item, gelezen, "aan_de_slag", "Van de beheerder")
    client.force_login(teamchef)
    response = _wijzigen(client, item, gelezen, "verankerd", "Mijn tekst")
    html = response.content.decode()
    assert response.status_code == 200
    assert escape(str(CONFLICT_MELDING)) in html
    assert "Mijn tekst</textarea>" in html
    assert "Van de beheerder" in html  # what is saved now, beside it
    item.refresh_from_db()
    assert (item.fase, item.notitie) == ("aan_de_slag", "Van de beheerder")
    # The form now carries the saved version: saving again knowingly replaces it.
    assert f'name="punt-{item.pk}-versie" value="{item.versie}"' in html
    assert _wijzigen(client, item, item.versie, "verankerd", "Mijn tekst").status_code == 302
    item.refresh_from_db()
    assert (item.fase, item.notitie) == ("verankerd", "Mijn tekst")


def test_removing_a_changed_item_gets_the_conflict(client, team, teamchef, beheerder):
    item = zet_op_agenda(team, teamchef, Opgave.objects.get(nummer=2))
    gelezen = item.versie
    client.force_login(beheerder)
    _wijzigen(client, item, gelezen, "aan_de_slag", "Nog nodig")
    client.force_login(teamchef)
    response = _verwijderen(client, item, versie=gelezen)
    assert response.status_code == 200
    assert escape(str(CONFLICT_MELDING)) in response.content.decode()
    assert AgendaPunt.objects.filter(pk=item.pk).exists()
    item.refresh_from_db()
    assert _verwijderen(client, item).status_code == 302
    assert not AgendaPunt.objects.filter(pk=item.pk).exists()


def test_removing_an_item_that_is_already_gone_changes_nothing(client, team, teamchef):
    client.force_login(teamchef)
    response = client.post(f"{URL}12345/verwijderen/", {"punt-12345-versie": 1}, follow=True)
    assert response.status_code == 200
    assert "bestaat niet meer" in response.content.decode()


@pytest.mark.parametrize("actie", ["wijzigen", "verwijderen"])
def test_items_of_another_team_cannot_be_touched(client, team, ander_team, teamchef, actie):
    vreemd = zet_op_agenda(ander_team, None, Opgave.objects.get(nummer=3))
    client.force_login(teamchef)
    response = _wijzigen(client, vreemd, vreemd.versie, "verankerd", "Van mij", actie=actie)
    assert response.status_code == 302
    vreemd.refresh_from_db()
    assert (vreemd.fase, vreemd.notitie, vreemd.versie) == ("verkennen", "", 1)
    # Nor through the other team's own address, which this teamchef may not edit.
    response = client.post(
        f"/teams/heuvelrug/agenda/{vreemd.pk}/{actie}/",
        {f"punt-{vreemd.pk}-versie": 1, f"punt-{vreemd.pk}-fase": "verankerd"},
    )
    assert response.status_code == 403
    assert AgendaPunt.objects.filter(pk=vreemd.pk, fase="verkennen").exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_posting_to_the_agenda_per_persona(as_persona, team, teamchef, persona):
    opgave = Opgave.objects.get(nummer=5)
    client = as_persona(persona)
    client.post(f"{URL}toevoegen/", {"onderwerp": f"opgave-{opgave.pk}", "fase": "verkennen"})
    toegevoegd = AgendaPunt.objects.filter(basisteam=team).exists()
    assert toegevoegd == (persona in {"teamchef", "beheerder"})
    item = zet_op_agenda(team, teamchef, Opgave.objects.get(nummer=6))
    _wijzigen(client, item, item.versie, "verankerd")
    item.refresh_from_db()
    assert (item.fase == "verankerd") == (persona in {"teamchef", "beheerder"})
    _verwijderen(client, item)
    weg = not AgendaPunt.objects.filter(pk=item.pk).exists()
    assert weg == (persona in {"teamchef", "beheerder"})


@pytest.mark.parametrize("pad", ["toevoegen/", "1/wijzigen/", "1/verwijderen/"])
def test_the_form_views_only_take_posts(client, team, teamchef, pad):
    client.force_login(teamchef)
    assert client.get(f"{URL}{pad}").status_code == 405


def test_query_count_flat_with_ten_times_the_items(
    client, team, teamchef, django_assert_num_queries
):
    zet_op_agenda(team, teamchef, Opgave.objects.get(nummer=1))
    client.force_login(teamchef)
    with django_assert_num_queries(11):
        assert client.get(URL).status_code == 200
    for opgave in Opgave.objects.exclude(nummer=1):
        zet_op_agenda(team, teamchef, opgave)
    for punt in Aandachtspunt.objects.all():
        zet_op_agenda(team, teamchef, punt.opgave, punt)
    with django_assert_num_queries(11):
        assert client.get(URL).status_code == 200
