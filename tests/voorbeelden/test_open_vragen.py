"""The library's filter and sort on unanswered questions: for those who answer questions
(a contact person, an author without one, the redactie), ignored for everyone else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import PERSONAS, make_user
from voorbeelden import services
from voorbeelden.models import Voorbeeld

pytestmark = pytest.mark.django_db


@pytest.fixture
def bibliotheek(maak_voorbeeld, collega, teamchef, redacteur):
    """Four voorbeelden of which teamchef is the contact person: one question without a
    reply, one answered, one whose only reply was hidden, one whose question was hidden.
    The open ones: “Open” (one question) and “Reactie weg” (two)."""
    open_ = maak_voorbeeld("Open", contactpersoon=teamchef)
    services.stel_vraag(open_, collega, "Nog niemand?")
    beantwoord = maak_voorbeeld("Beantwoord", contactpersoon=teamchef)
    vraag = services.stel_vraag(beantwoord, collega, "Hoe?")
    services.reageer(vraag, teamchef, "Zo.")
    reactie_weg = maak_voorbeeld("Reactie weg", contactpersoon=teamchef)
    vraag = services.stel_vraag(reactie_weg, collega, "Waarom?")
    services.verberg(services.reageer(vraag, collega, "Reclame"), redacteur, "Reclame")
    services.stel_vraag(reactie_weg, collega, "En verder?")
    vraag_weg = maak_voorbeeld("Vraag weg", contactpersoon=teamchef)
    services.verberg(services.stel_vraag(vraag_weg, collega, "Spam"), redacteur, "Spam")
    return {"open": open_, "reactie_weg": reactie_weg}


def _titels(client, query: str) -> list[str]:
    response = client.get(f"/voorbeelden/?{query}")
    assert response.status_code == 200
    return [v.titel for v in response.context["pagina"].object_list]


ZIET_FILTER = {
    "anonymous": False,
    "collega": False,  # answers no questions
    "teamchef": True,  # the contact person
    "teamchef_ander_team": False,
    "redacteur": True,
    "beheerder": True,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_filter_and_sort_are_only_for_who_answers(as_persona, persona, bibliotheek):
    client = as_persona(persona)
    html = client.get("/voorbeelden/").content.decode()
    assert ('name="open_vragen"' in html) == ZIET_FILTER[persona]
    assert ('value="open_vragen"' in html) == ZIET_FILTER[persona]
    # For the others the parameters are ignored, without an error.
    titels = _titels(client, "open_vragen=on&sortering=open_vragen")
    if ZIET_FILTER[persona]:
        assert titels == ["Reactie weg", "Open"]
    else:
        assert "Beantwoord" in titels
        assert (
            "Er is een probleem"
            not in client.get("/voorbeelden/?sortering=open_vragen").content.decode()
        )


def test_an_author_without_a_contact_person_sees_it(client, maak_voorbeeld, collega):
    maak_voorbeeld("Eigen", auteur=collega)
    client.force_login(collega)
    assert 'name="open_vragen"' in client.get("/voorbeelden/").content.decode()


def test_the_filter_gives_the_voorbeelden_with_unanswered_questions(client, teamchef, bibliotheek):
    client.force_login(teamchef)
    assert sorted(_titels(client, "open_vragen=on")) == ["Open", "Reactie weg"]
    # Combined with another filter, whose counts still follow all the others.
    response = client.get("/voorbeelden/?open_vragen=on&opgave=versterken-van-wendbare-nabijheid")
    assert (
        response.context["filter"].tellingen["opgave"][bibliotheek["open"].opgaven.get().pk] == 2
    )
    assert response.context["pagina"].paginator.count == 2


def test_sorting_puts_the_most_unanswered_first(client, teamchef, bibliotheek):
    client.force_login(teamchef)
    titels = _titels(client, "sortering=open_vragen")
    assert titels[:2] == ["Reactie weg", "Open"]
    assert len(titels) == Voorbeeld.objects.gepubliceerd().count()


def _tienmaal(maak_voorbeeld, teamchef, collega, nummers: range):
    for n in nummers:
        voorbeeld = maak_voorbeeld(f"Extra {n}", contactpersoon=teamchef)
        vrager = make_user(f"vrager{n}@politie.test", f"Vrager {n}")
        vraag = services.stel_vraag(voorbeeld, vrager, f"Vraag {n}")
        if n % 2:
            services.reageer(vraag, teamchef, "Antwoord")
        services.stel_vraag(voorbeeld, collega, f"Nog een {n}")


@pytest.mark.parametrize(
    "query", ["", "open_vragen=on", "sortering=open_vragen", "open_vragen=on&status=loopt"]
)
def test_query_count_flat_with_ten_times_the_questions(
    client, maak_voorbeeld, teamchef, collega, django_assert_num_queries, query
):
    client.force_login(teamchef)
    _tienmaal(maak_voorbeeld, teamchef, collega, range(2))
    with CaptureQueriesContext(connection) as eerst:
        assert client.get(f"/voorbeelden/?{query}").status_code == 200
    assert len(eerst) <= 18
    _tienmaal(maak_voorbeeld, teamchef, collega, range(2, 20))
    with django_assert_num_queries(len(eerst)):
        assert client.get(f"/voorbeelden/?{query}").status_code == 200
