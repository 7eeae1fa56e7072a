"""The voorbeeld meets the versioned-edit contract (tests/versiebeheer.py): its author
edits it on /voorbeelden/<slug>/bewerken/, the redactie in the admin; both leave a version
in its history, a stale form of either gets the one conflict, and two saves at once never
both succeed."""

from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from opgaven.models import Opgave
from tests.versiebeheer import (
    Bewerkbaar,
    contracttests,
)
from voorbeelden import services
from voorbeelden.models import Voorbeeld


@pytest.fixture
def voorbeeld(collega, redacteur) -> Bewerkbaar:
    opgave = Opgave.objects.get(nummer=4)
    nummers = count(1)

    def maak() -> Voorbeeld:
        n = next(nummers)
        nieuw = Voorbeeld(
            titel=f"Koffie met een cop {n}",
            slug=f"koffie-met-een-cop-{n}",
            samenvatting="Wijkagenten drinken koffie met bewoners.",
        )
        return services.maak_aan(
            nieuw, collega, indienen=False, koppelingen=lambda: nieuw.opgaven.set([opgave])
        )

    def pagina(client, obj, versie, tekst):
        return client.post(
            f"/voorbeelden/{obj.slug}/bewerken/",
            {
                "titel": obj.titel,
                "samenvatting": tekst,
                "opgaven": [opgave.pk],
                "versie": versie,
                "actie": "concept",
            },
        )

    def service(obj, versie, tekst, door):
        obj.samenvatting = tekst
        services.werk_bij(obj, door, versie, indienen=False)

    return Bewerkbaar(
        naam="voorbeeld",
        maak=maak,
        bewerker=lambda: collega,
        pagina=pagina,
        service=service,
        waarde=lambda obj: obj.samenvatting,
        admin_veld="samenvatting",
        admin_bewerker=lambda: redacteur,
    )


@pytest.fixture
def soorten(voorbeeld) -> dict[str, Bewerkbaar]:
    return {"voorbeeld": voorbeeld}


test_contract, test_race = contracttests("soorten", ["voorbeeld"])


@pytest.mark.django_db
def test_the_redactie_reads_the_history_in_the_admin(voorbeeld, client, redacteur, collega):
    obj = voorbeeld.maak()
    voorbeeld.service(obj, obj.versie, "Aangescherpt", collega)
    services.zet_status(obj, "ingediend", collega)
    client.force_login(redacteur)
    # In the change form, newest first, with who and why: what the old inline showed.
    html = client.get(f"/admin/voorbeelden/voorbeeld/{obj.pk}/change/").content.decode()
    regels = [html.index(f"<td>{reden}</td>") for reden in ("ingediend", "bewerkt")]
    assert regels == sorted(regels)
    assert "<td>Carla Collega</td>" in html
    # And the history page, with what changed.
    response = client.get(f"/admin/voorbeelden/voorbeeld/{obj.pk}/history/")
    assert response.status_code == 200
    assert "Aangescherpt" in response.content.decode()


@pytest.mark.django_db
def test_the_history_in_the_change_form_costs_one_query(voorbeeld, client, redacteur):
    obj = voorbeeld.maak()
    client.force_login(redacteur)
    url = f"/admin/voorbeelden/voorbeeld/{obj.pk}/change/"
    with CaptureQueriesContext(connection) as voor:
        client.get(url)
    for n in range(10):
        voorbeeld.service(obj, obj.versie, f"Versie {n}", obj.auteur)
    with CaptureQueriesContext(connection) as na:
        client.get(url)
    assert len(na) == len(voor)
