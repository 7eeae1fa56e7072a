"""The summary of a gesprek, written on the gesprek page itself (issue 9): its own small
form posting to /gesprekken/<id>/samenvatting/, versioned, by whoever may edit the details;
a completed gesprek is a record."""

import pytest
from django.utils.html import escape

from core.versies import CONFLICT_MELDING
from gesprekken import services
from gesprekken.models import Gesprek, Status
from tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

ACTIE = 'action="/gesprekken/{pk}/samenvatting/"'
VELD = "samenvatting-samenvatting"

# Who may save it: those who may edit the gesprek's details (302 to the page);
# a member who only reads gets 403, an outsider 404 (a team-only gesprek), anonymous the login.
SCHRIJVEN = {
    "anonymous": 302,
    "collega": 403,
    "teamchef": 302,
    "teamchef_ander_team": 404,
    "redacteur": 404,
    "beheerder": 302,
}


def _post(client, gesprek, tekst, versie=None):
    return client.post(
        f"/gesprekken/{gesprek.pk}/samenvatting/",
        {VELD: tekst, "samenvatting-versie": gesprek.versie if versie is None else versie},
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_write_the_summary(as_persona, gesprek, persona):
    response = _post(as_persona(persona), gesprek, "Goed gesprek.")

    assert response.status_code == SCHRIJVEN[persona]
    gesprek.refresh_from_db()
    if SCHRIJVEN[persona] == 302 and persona != "anonymous":
        assert response["Location"] == f"/gesprekken/{gesprek.pk}/#samenvatting"
        assert gesprek.samenvatting == "Goed gesprek."
    else:
        assert gesprek.samenvatting == ""
    if persona == "anonymous":
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize("persona", ["teamchef", "beheerder", "collega", "gespreksleider"])
def test_the_form_is_on_the_page_for_who_may_write_it(client, request, gesprek, persona):
    client.force_login(request.getfixturevalue(persona))
    html = client.get(f"/gesprekken/{gesprek.pk}/").content.decode()
    assert (ACTIE.format(pk=gesprek.pk) in html) == (persona in ("teamchef", "beheerder"))


def test_a_reader_sees_the_summary_as_text(client, gesprek, teamchef, collega):
    services.werk_gesprek_bij(gesprek, gesprek.versie, {"samenvatting": "Veel\n\nbesproken."})
    client.force_login(collega)
    html = client.get(f"/gesprekken/{gesprek.pk}/").content.decode()
    assert "<p>Veel</p>" in html
    assert "<p>besproken.</p>" in html
    assert ACTIE.format(pk=gesprek.pk) not in html


def test_saving_is_a_new_version_with_who_and_why(client, gesprek, teamchef):
    client.force_login(teamchef)
    response = _post(client, gesprek, "Regel een\r\nRegel twee")

    assert response.status_code == 302
    gesprek.refresh_from_db()
    assert (gesprek.samenvatting, gesprek.versie) == ("Regel een\nRegel twee", 2)
    rij = gesprek.history.first()
    assert (rij.history_user, rij.history_change_reason, rij.versie) == (
        teamchef,
        str(services.REDEN_SAMENVATTING),
        2,
    )
    page = client.get(f"/gesprekken/{gesprek.pk}/").content.decode()
    assert "Regel een\nRegel twee</textarea>" in page


def test_saving_the_same_text_leaves_no_version(client, gesprek, teamchef):
    client.force_login(teamchef)
    rijen = gesprek.history.count()
    assert _post(client, gesprek, "").status_code == 302
    gesprek.refresh_from_db()
    assert (gesprek.versie, gesprek.history.count()) == (1, rijen)


def test_a_conflict_keeps_both_texts(client, gesprek, teamchef, beheerder):
    services.werk_gesprek_bij(gesprek, 1, {"samenvatting": "Hun samenvatting"}, door=beheerder)
    client.force_login(teamchef)

    response = _post(client, gesprek, "Mijn samenvatting", versie=1)

    assert response.status_code == 200
    html = response.content.decode()
    assert escape(str(CONFLICT_MELDING)) in html
    assert "Mijn samenvatting</textarea>" in html  # what was typed
    assert "Hun samenvatting" in html  # what is saved now, beside it
    assert 'name="samenvatting-versie" value="2"' in html  # saving again replaces it
    gesprek.refresh_from_db()
    assert gesprek.samenvatting == "Hun samenvatting"

    assert _post(client, gesprek, "Mijn samenvatting", versie=2).status_code == 302
    gesprek.refresh_from_db()
    assert gesprek.samenvatting == "Mijn samenvatting"


def test_a_bad_version_is_a_form_error_not_a_500(client, gesprek, teamchef):
    client.force_login(teamchef)
    response = _post(client, gesprek, "Tekst die blijft", versie="x")
    assert response.status_code == 200
    assert "Tekst die blijft</textarea>" in response.content.decode()


def test_a_completed_gesprek_is_a_record(client, gesprek, teamchef):
    services.zet_status(gesprek, Status.GEVOERD, heropenen=False)
    services.zet_status(gesprek, Status.AFGEROND, heropenen=False)
    gesprek.refresh_from_db()
    client.force_login(teamchef)

    html = client.get(f"/gesprekken/{gesprek.pk}/").content.decode()
    assert ACTIE.format(pk=gesprek.pk) not in html

    response = _post(client, gesprek, "Te laat getypt")
    assert response.status_code == 200
    assert "Te laat getypt" in response.content.decode()  # shown, not lost
    assert Gesprek.objects.get(pk=gesprek.pk).samenvatting == ""


def test_a_get_goes_to_the_gesprek_page(client, gesprek, teamchef):
    client.force_login(teamchef)
    response = client.get(f"/gesprekken/{gesprek.pk}/samenvatting/")
    assert response.status_code == 302
    assert response["Location"] == f"/gesprekken/{gesprek.pk}/"
