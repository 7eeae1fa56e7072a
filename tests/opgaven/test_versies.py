"""The agenda item meets the versioned-edit contract (tests/versiebeheer.py): the teamchef
changes its note on the agenda page, a beheerder in the admin; both leave a version in its
history, a stale form of either gets the one conflict, and two saves at once never both
succeed."""

import pytest

from opgaven.models import Aandachtspunt, AgendaPunt, Opgave
from opgaven.services import wijzig_agendapunt, zet_op_agenda
from tests.versiebeheer import (
    Bewerkbaar,
    contracttests,
)


@pytest.fixture
def agendapunt(team, teamchef, beheerder) -> Bewerkbaar:
    # Each item a subject of its own: a team has each subject on its agenda once.
    onderwerpen = iter(
        [(opgave, None) for opgave in Opgave.objects.all()]
        + [(punt.opgave, punt) for punt in Aandachtspunt.objects.select_related("opgave")]
    )

    def maak() -> AgendaPunt:
        opgave, punt = next(onderwerpen)
        return zet_op_agenda(team, teamchef, opgave, punt, notitie="Zo begonnen.")

    def pagina(client, obj, versie, tekst):
        return client.post(
            f"/teams/{team.slug}/agenda/{obj.pk}/wijzigen/",
            {
                f"punt-{obj.pk}-versie": versie,
                f"punt-{obj.pk}-fase": obj.fase,
                f"punt-{obj.pk}-notitie": tekst,
            },
        )

    return Bewerkbaar(
        naam="agendapunt",
        maak=maak,
        bewerker=lambda: teamchef,
        pagina=pagina,
        service=lambda obj, versie, tekst, door: wijzig_agendapunt(
            obj, door, versie, obj.fase, tekst
        ),
        waarde=lambda obj: obj.notitie,
        admin_veld="notitie",
        admin_bewerker=lambda: beheerder,
    )


@pytest.fixture
def soorten(agendapunt) -> dict[str, Bewerkbaar]:
    return {"agendapunt": agendapunt}


test_contract, test_race = contracttests("soorten", ["agendapunt"])


@pytest.mark.django_db
def test_the_beheerder_reads_an_items_history_in_the_admin(agendapunt, client, beheerder):
    item = agendapunt.maak()
    wijzig_agendapunt(item, agendapunt.bewerker(), item.versie, "verankerd", "Staat.")
    client.force_login(beheerder)
    response = client.get(f"/admin/opgaven/agendapunt/{item.pk}/history/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tom Teamchef" in html or "teamchef@politie.test" in html
