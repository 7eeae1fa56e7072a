"""The versioned-edit contract (tests/versiebeheer.py) for what a gesprek holds: an answer,
an afspraak and the details of the gesprek itself. Each is edited on its page, in the admin
(an answer is not: the admin shows it read-only), with a stale form on either, and by two
people at once."""

import pytest

from gesprekken import services
from tests.versiebeheer import (
    Bewerkbaar,
    admin_url,
    contracttests,
)

SOORTEN = ["antwoord", "afspraak", "gesprek", "samenvatting"]


def _antwoord_op_pagina(client, antwoord, versie, tekst):
    return client.post(
        f"/gesprekken/{antwoord.gesprek_id}/antwoorden/{antwoord.pk}/",
        {f"antwoord-{antwoord.pk}-tekst": tekst, f"antwoord-{antwoord.pk}-versie": versie},
    )


def _afspraak_op_pagina(client, afspraak, versie, tekst):
    return client.post(
        f"/gesprekken/afspraken/{afspraak.pk}/",
        {
            "omschrijving": tekst,
            "status": afspraak.status,
            "eigenaar": afspraak.eigenaar,
            "versie": versie,
        },
    )


def _samenvatting_op_pagina(client, gesprek, versie, tekst):
    """The summary, written on the gesprek page itself."""
    return client.post(
        f"/gesprekken/{gesprek.pk}/samenvatting/",
        {"samenvatting-samenvatting": tekst, "samenvatting-versie": versie},
    )


def _gesprek_op_pagina(client, gesprek, versie, tekst):
    return client.post(
        f"/gesprekken/{gesprek.pk}/bewerken/",
        {
            "titel": gesprek.titel,
            "datum": gesprek.datum.isoformat(),
            "opgaven": [str(pk) for pk in gesprek.opgaven.values_list("pk", flat=True)],
            "gespreksleider": gesprek.gespreksleider_id or "",
            "deelnemers": gesprek.deelnemers,
            "zichtbaarheid": gesprek.zichtbaarheid,
            "samenvatting": tekst,
            "versie": versie,
        },
    )


@pytest.fixture
def soorten(maak_gesprek, gespreksleider, teamchef, beheerder) -> dict[str, Bewerkbaar]:
    def nieuw_gesprek():
        return maak_gesprek(gespreksleider=gespreksleider)

    def nieuwe_afspraak():
        (afspraak,) = services.maak_afspraken(
            nieuw_gesprek(), teamchef, [{"omschrijving": "Wijkschouw"}]
        )
        return afspraak

    return {
        "antwoord": Bewerkbaar(
            naam="antwoord",
            maak=lambda: nieuw_gesprek().antwoorden.get(volgorde=1),
            bewerker=lambda: gespreksleider,
            pagina=_antwoord_op_pagina,
            service=lambda a, versie, tekst, door: services.leg_antwoord_vast(
                a, door, versie, tekst
            ),
            waarde=lambda a: a.tekst,
            admin_veld=None,
            admin_bewerker=lambda: beheerder,
        ),
        "afspraak": Bewerkbaar(
            naam="afspraak",
            maak=nieuwe_afspraak,
            bewerker=lambda: teamchef,
            pagina=_afspraak_op_pagina,
            service=lambda a, versie, tekst, door: services.werk_afspraak_bij(
                a, door, versie, {"omschrijving": tekst}
            ),
            waarde=lambda a: a.omschrijving,
            admin_veld="omschrijving",
            admin_bewerker=lambda: beheerder,
        ),
        "gesprek": Bewerkbaar(
            naam="gesprek",
            maak=nieuw_gesprek,
            bewerker=lambda: teamchef,
            pagina=_gesprek_op_pagina,
            service=lambda g, versie, tekst, door: services.werk_gesprek_bij(
                g, versie, {"samenvatting": tekst}, door=door
            ),
            waarde=lambda g: g.samenvatting,
            admin_veld="samenvatting",
            admin_bewerker=lambda: beheerder,
        ),
        "samenvatting": Bewerkbaar(
            naam="samenvatting",
            maak=nieuw_gesprek,
            bewerker=lambda: teamchef,
            pagina=_samenvatting_op_pagina,
            service=lambda g, versie, tekst, door: services.werk_gesprek_bij(
                g, versie, {"samenvatting": tekst}, door=door, reden=services.REDEN_SAMENVATTING
            ),
            waarde=lambda g: g.samenvatting,
            admin_veld="samenvatting",
            admin_bewerker=lambda: beheerder,
        ),
    }


test_contract, test_race = contracttests("soorten", SOORTEN)


@pytest.mark.django_db
def test_an_answer_cannot_be_changed_in_the_admin(soorten, client):
    soort = soorten["antwoord"]
    antwoord = soort.maak()
    soort.service(antwoord, antwoord.versie, "Op de pagina", soort.bewerker())
    client.force_login(soort.admin_bewerker())
    assert client.get(admin_url(antwoord)).status_code == 200  # shown, read-only
    response = client.post(admin_url(antwoord), {"tekst": "In de beheeromgeving"})
    assert response.status_code == 403
    antwoord.refresh_from_db()
    assert (antwoord.tekst, antwoord.versie, antwoord.history.count()) == ("Op de pagina", 2, 1)
